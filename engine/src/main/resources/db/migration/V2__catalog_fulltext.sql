-- The catalog's full-text index: the only SQLite-specific part of the schema (FTS5).
-- PostgreSQL would use a tsvector column with a GIN index behind the same catalog-search class.

CREATE VIRTUAL TABLE releases_fts USING fts5(
    artists, title, labels,
    content = 'discogs_releases', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2'
);

-- live = 0 while a bulk import writes the catalog: the triggers stand still and the importer
-- rebuilds the whole index at the end. The engine rebuilds at start when it finds live = 0
-- (an import that was interrupted).
CREATE TABLE releases_fts_state (
    id   INTEGER PRIMARY KEY CHECK (id = 1),
    live INTEGER NOT NULL
);
INSERT INTO releases_fts_state (id, live) VALUES (1, 1);

CREATE TRIGGER releases_fts_insert AFTER INSERT ON discogs_releases
WHEN (SELECT live FROM releases_fts_state WHERE id = 1) = 1
BEGIN
    INSERT INTO releases_fts (rowid, artists, title, labels) VALUES (new.id, new.artists, new.title, new.labels);
END;

CREATE TRIGGER releases_fts_delete AFTER DELETE ON discogs_releases
WHEN (SELECT live FROM releases_fts_state WHERE id = 1) = 1
BEGIN
    INSERT INTO releases_fts (releases_fts, rowid, artists, title, labels) VALUES ('delete', old.id, old.artists, old.title, old.labels);
END;

CREATE TRIGGER releases_fts_update AFTER UPDATE OF artists, title, labels ON discogs_releases
WHEN (SELECT live FROM releases_fts_state WHERE id = 1) = 1
BEGIN
    INSERT INTO releases_fts (releases_fts, rowid, artists, title, labels) VALUES ('delete', old.id, old.artists, old.title, old.labels);
    INSERT INTO releases_fts (rowid, artists, title, labels) VALUES (new.id, new.artists, new.title, new.labels);
END;
