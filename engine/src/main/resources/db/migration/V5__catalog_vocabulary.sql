-- How many releases each full-text term occurs in (a read-only view over the FTS5 index, no storage).
-- Catalog search reads it to leave very common optional words out of a query, so ranking stays
-- bounded on a catalog of millions of releases.
CREATE VIRTUAL TABLE releases_fts_vocab USING fts5vocab(releases_fts, 'row');
