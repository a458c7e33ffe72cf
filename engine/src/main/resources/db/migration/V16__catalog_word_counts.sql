-- How many releases each common full-text term occurs in (64 or more), as the last full rebuild of
-- the index counted them (a dump import or a repair, FullTextIndex.rebuild). Reading
-- releases_fts_vocab walks a term's whole posting list: a millisecond or more for a common word in a
-- catalog of a million releases, where this is one look-up. Catalog search reads the vocabulary for
-- the terms not here, rare ones whose lists are short.
CREATE TABLE catalog_word_counts (
    term     TEXT    NOT NULL PRIMARY KEY,
    releases INTEGER NOT NULL
) WITHOUT ROWID;

INSERT INTO catalog_word_counts (term, releases) SELECT term, doc FROM releases_fts_vocab WHERE doc >= 64;
