-- When the price oracle was last asked about a release in a currency, whatever it answered
-- (an empty answer is remembered too, so a release nobody sells is not asked about every poll).
CREATE TABLE price_checks (
    release_id INTEGER NOT NULL REFERENCES discogs_releases (id) ON DELETE CASCADE,
    currency   TEXT    NOT NULL,
    checked_at BIGINT  NOT NULL,
    PRIMARY KEY (release_id, currency)
);
CREATE INDEX price_checks_checked_at ON price_checks (currency, checked_at);
