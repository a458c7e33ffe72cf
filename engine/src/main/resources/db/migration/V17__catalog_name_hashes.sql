-- A hash of each release's name as the set of words a search can ask for (NameKey, written by the
-- engine with each release; null when the name has none or too many). A search of common words only
-- finds through it the releases named by exactly those words, which the full-text index would list
-- among thousands sharing them, in id order.
ALTER TABLE discogs_releases ADD COLUMN name_hash INTEGER;
CREATE INDEX discogs_releases_name_hash ON discogs_releases (name_hash) WHERE name_hash IS NOT NULL;

-- The releases already in the catalog have no hash yet: the engine works them out at its next start,
-- with the repair of the full-text index that an interrupted import also gets.
UPDATE releases_fts_state SET live = 0 WHERE id = 1;
