-- Vinyl Detective schema, version 1: plain SQL that SQLite and PostgreSQL both run.
-- Timestamps are epoch milliseconds (BIGINT); money is NUMERIC. SQLite-only features live in V2.

CREATE TABLE discogs_releases (
    id                 INTEGER PRIMARY KEY,          -- the Discogs release id
    title              TEXT    NOT NULL,
    artists            TEXT    NOT NULL,             -- display string, names joined with ' & '
    artist_names       TEXT,                         -- names joined with a line feed, only when splitting 'artists' on ' & ' would not give them back
    labels             TEXT    NOT NULL,             -- display string, distinct label names joined with ', '
    unnumbered_labels  TEXT,                         -- names of labels printed without a catalog number, joined with a line feed; null when none
    format             TEXT,                         -- VINYL, CD, CASSETTE, OTHER
    format_description TEXT,                         -- e.g. 'Vinyl, LP, Album, Reissue'
    country            TEXT,
    year               INTEGER,
    master_id          BIGINT,
    genres             TEXT,
    styles             TEXT,
    source             TEXT    NOT NULL,             -- 'dump' or 'api'
    updated_at         BIGINT  NOT NULL
);

CREATE TABLE release_catalog_numbers (
    release_id INTEGER NOT NULL REFERENCES discogs_releases (id) ON DELETE CASCADE,
    position   INTEGER NOT NULL,                     -- order of the label on the release
    label      TEXT,
    catno      TEXT    NOT NULL,                     -- as printed
    catno_key  TEXT    NOT NULL                      -- CatalogKeys.catalogNumber(catno)
);
CREATE INDEX release_catalog_numbers_key ON release_catalog_numbers (catno_key);
CREATE INDEX release_catalog_numbers_release ON release_catalog_numbers (release_id);

CREATE TABLE release_barcodes (
    release_id  INTEGER NOT NULL REFERENCES discogs_releases (id) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    raw         TEXT    NOT NULL,                    -- as printed
    barcode_key TEXT    NOT NULL                     -- CatalogKeys.barcode(raw)
);
CREATE INDEX release_barcodes_key ON release_barcodes (barcode_key);
CREATE INDEX release_barcodes_release ON release_barcodes (release_id);

CREATE TABLE ebay_listings (
    id                 TEXT PRIMARY KEY,             -- the marketplace's item id
    source             TEXT    NOT NULL,
    title              TEXT    NOT NULL,
    price              NUMERIC(12, 2),
    currency           TEXT,
    shipping           NUMERIC(12, 2),
    seller             TEXT,
    condition          TEXT,
    format             TEXT,
    gtin               TEXT,
    web_url            TEXT,
    image_url          TEXT,
    created_at         BIGINT,                       -- when the seller listed it
    first_seen_at      BIGINT  NOT NULL,
    matched_release_id INTEGER REFERENCES discogs_releases (id) ON DELETE SET NULL,
    match_method       TEXT
);
CREATE INDEX ebay_listings_first_seen ON ebay_listings (first_seen_at);
CREATE INDEX ebay_listings_seller_title ON ebay_listings (seller, title);

CREATE TABLE saved_searches (
    id                    INTEGER PRIMARY KEY AUTOINCREMENT, -- PostgreSQL: BIGSERIAL PRIMARY KEY
    chat_id               TEXT    NOT NULL,
    query                 TEXT    NOT NULL,
    format                TEXT,
    max_price             NUMERIC(12, 2),
    currency              TEXT,
    threshold             REAL    NOT NULL DEFAULT 0.25,
    poll_interval_seconds INTEGER NOT NULL,
    active                BOOLEAN NOT NULL DEFAULT TRUE,
    created_at            BIGINT  NOT NULL,
    last_polled_at        BIGINT
);
CREATE INDEX saved_searches_chat ON saved_searches (chat_id);

CREATE TABLE alert_log (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,    -- PostgreSQL: BIGSERIAL PRIMARY KEY
    chat_id    TEXT    NOT NULL,
    listing_id TEXT    NOT NULL REFERENCES ebay_listings (id),
    release_id INTEGER REFERENCES discogs_releases (id) ON DELETE SET NULL,
    deal_score REAL    NOT NULL,
    sent_at    BIGINT  NOT NULL,
    UNIQUE (chat_id, listing_id)
);

CREATE TABLE price_quotes (
    release_id INTEGER NOT NULL REFERENCES discogs_releases (id) ON DELETE CASCADE,
    source     TEXT    NOT NULL,
    grade      TEXT    NOT NULL,                     -- a Grade name, or 'ANY' when the source does not grade
    amount     NUMERIC(12, 2) NOT NULL,
    currency   TEXT    NOT NULL,
    for_sale   INTEGER,                              -- copies for sale when the quote was taken
    fetched_at BIGINT  NOT NULL,
    PRIMARY KEY (release_id, source, grade, currency)
);

CREATE TABLE api_budget (
    source TEXT    NOT NULL,
    day    TEXT    NOT NULL,                         -- ISO date, UTC
    calls  INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (source, day)
);
