-- Other spellings of catalog words, so a listing finds a release the way a seller writes its name:
-- Cyrillic and Greek in Latin letters (Ласковый Май as laskovyy may, and the spelling key laskovi mai
-- that covers laskovij maj too), letters the tokenizer keeps as they are (Østergaard as ostergaard,
-- Straße as strasse) and words the tokenizer splits (Don't as dont). Written by the engine (Java) with
-- each release; null when a release has none.
ALTER TABLE discogs_releases ADD COLUMN spellings TEXT;

-- The full-text index gains the column. FTS5 tables cannot be altered: drop and create again.
DROP TRIGGER releases_fts_insert;
DROP TRIGGER releases_fts_delete;
DROP TRIGGER releases_fts_update;
DROP TABLE releases_fts_vocab;
DROP TABLE releases_fts;

CREATE VIRTUAL TABLE releases_fts USING fts5(
    artists, title, labels, spellings,
    content = 'discogs_releases', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2'
);
CREATE VIRTUAL TABLE releases_fts_vocab USING fts5vocab(releases_fts, 'row');

CREATE TRIGGER releases_fts_insert AFTER INSERT ON discogs_releases
WHEN (SELECT live FROM releases_fts_state WHERE id = 1) = 1
BEGIN
    INSERT INTO releases_fts (rowid, artists, title, labels, spellings)
    VALUES (new.id, new.artists, new.title, new.labels, new.spellings);
END;

CREATE TRIGGER releases_fts_delete AFTER DELETE ON discogs_releases
WHEN (SELECT live FROM releases_fts_state WHERE id = 1) = 1
BEGIN
    INSERT INTO releases_fts (releases_fts, rowid, artists, title, labels, spellings)
    VALUES ('delete', old.id, old.artists, old.title, old.labels, old.spellings);
END;

CREATE TRIGGER releases_fts_update AFTER UPDATE OF artists, title, labels, spellings ON discogs_releases
WHEN (SELECT live FROM releases_fts_state WHERE id = 1) = 1
BEGIN
    INSERT INTO releases_fts (releases_fts, rowid, artists, title, labels, spellings)
    VALUES ('delete', old.id, old.artists, old.title, old.labels, old.spellings);
    INSERT INTO releases_fts (rowid, artists, title, labels, spellings)
    VALUES (new.id, new.artists, new.title, new.labels, new.spellings);
END;

-- The releases already in the catalog have no spellings yet: the engine works them out at its next
-- start and rebuilds the index then, as after an interrupted import.
UPDATE releases_fts_state SET live = 0 WHERE id = 1;
