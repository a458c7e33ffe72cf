-- Version 10: Discogs wantlists, and a watch for each want. Plain SQL that SQLite and PostgreSQL both run.

-- The wantlist a chat follows (one per chat), re-read daily.
CREATE TABLE wantlists (
    chat_id       TEXT    PRIMARY KEY,
    username      TEXT    NOT NULL,                -- the Discogs user, as Discogs spells it
    pressings_any BOOLEAN NOT NULL DEFAULT FALSE,  -- what new wants start with: any pressing of the master, or the exact release
    added_at      BIGINT  NOT NULL,
    synced_at     BIGINT,                          -- the last complete read, or null
    sync_error    TEXT,                            -- why the last read failed, in words; null when it worked
    next_sync_at  BIGINT  NOT NULL                 -- when to read it next
);

-- One watch per (chat, wanted release). The user's own settings survive every re-read; a want that
-- leaves the wantlist is dropped with its settings.
CREATE TABLE wants (
    id            INTEGER PRIMARY KEY AUTOINCREMENT, -- PostgreSQL: BIGSERIAL PRIMARY KEY
    chat_id       TEXT    NOT NULL REFERENCES wantlists (chat_id) ON DELETE CASCADE,
    release_id    INTEGER NOT NULL,                -- the Discogs release id
    master_id     BIGINT,
    artist        TEXT    NOT NULL,                -- the artists as the wantlist shows them, for the list
    first_artist  TEXT,                            -- the first artist as Discogs spells it: what the batch query searches
    title         TEXT    NOT NULL,
    format        TEXT,                            -- VINYL, CD, CASSETTE, OTHER, or null when unknown
    catno         TEXT,                            -- the first catalog number, as printed
    year          INTEGER,
    pressings_any BOOLEAN NOT NULL DEFAULT FALSE,  -- any pressing of the master will do
    max_price     NUMERIC(12, 2),                  -- alert at or under this landed cost, whatever the reference; null: at or under the reference
    currency      TEXT,                            -- of max_price
    min_grade     TEXT,                            -- a Grade name: no alert for a copy graded lower (or not graded); null: any
    active        BOOLEAN NOT NULL DEFAULT TRUE,
    added_at      BIGINT  NOT NULL,
    UNIQUE (chat_id, release_id)
);
CREATE INDEX wants_release ON wants (release_id);

-- The marketplace queries the watches share: each term (an artist, or a catalog number or title when
-- the artist says nothing, per format) belongs to one batch, and keeps it while it is wanted, so a new
-- want changes one batch's query, not all of them.
CREATE TABLE want_batches (
    id             INTEGER PRIMARY KEY AUTOINCREMENT, -- PostgreSQL: BIGSERIAL PRIMARY KEY
    format         TEXT,                            -- VINYL, CD, CASSETTE, or null for any music format
    last_polled_at BIGINT                           -- the last poll of its query as it is now; null: due at once
);
CREATE TABLE want_terms (
    batch_id INTEGER NOT NULL REFERENCES want_batches (id) ON DELETE CASCADE,
    term     TEXT    NOT NULL,                      -- as sent, e.g. john coltrane
    format   TEXT    NOT NULL,                      -- the batch's format, or ANY
    PRIMARY KEY (term, format)
);
CREATE INDEX want_terms_batch ON want_terms (batch_id);

-- When the pressings of a master were last read from the oracle (they are stored in the catalog).
CREATE TABLE master_versions_checked (
    master_id  BIGINT PRIMARY KEY,
    checked_at BIGINT NOT NULL
);

-- Pressings by master: a watch's scope holds the wanted release's siblings.
CREATE INDEX discogs_releases_master ON discogs_releases (master_id);
