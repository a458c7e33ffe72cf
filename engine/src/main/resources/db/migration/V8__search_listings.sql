-- Version 8: what each query has seen, and a search's choice about listings without a shipping price.

-- A listing is new for a query until a poll of that query has dealt with it. Several searches with the
-- same query (text, format, currency) share one marketplace call and one row per listing here.
CREATE TABLE search_listings (
    query_key     TEXT    NOT NULL,              -- QueryKey.key(): normalised text | format | currency
    listing_id    TEXT    NOT NULL,
    first_seen_at BIGINT  NOT NULL,
    PRIMARY KEY (query_key, listing_id)
);
CREATE INDEX search_listings_first_seen ON search_listings (first_seen_at);

-- Alert on listings whose shipping cost is unknown (the price alone is then compared). Off by default.
ALTER TABLE saved_searches ADD COLUMN alert_without_shipping BOOLEAN NOT NULL DEFAULT FALSE;
