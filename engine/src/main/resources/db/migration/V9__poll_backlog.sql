-- Version 9: listings a poll fetched but has not dealt with yet (over the per-poll cap, or waiting to be
-- retried because the oracle was unavailable), so a restart does not lose them: the marketplace returns
-- only what is newer than the newest listing dealt with.
CREATE TABLE poll_backlog (
    query_key  TEXT    NOT NULL,                 -- QueryKey.key()
    source     TEXT    NOT NULL,                 -- plugin id of the listing source
    listing_id TEXT    NOT NULL,
    position   INTEGER NOT NULL,                 -- order to deal with them in (newest first)
    listing    TEXT    NOT NULL,                 -- the Listing as JSON
    queued_at  BIGINT  NOT NULL,
    PRIMARY KEY (query_key, source, listing_id)
);
CREATE INDEX poll_backlog_queued ON poll_backlog (queued_at);
