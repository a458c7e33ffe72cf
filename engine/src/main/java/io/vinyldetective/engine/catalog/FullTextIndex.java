package io.vinyldetective.engine.catalog;

import io.vinyldetective.api.TextKeys;
import io.vinyldetective.engine.storage.StorageException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The catalog's full-text index ({@code releases_fts}, SQLite FTS5): the query syntax and the bulk
 * mode. Every SQLite-specific piece of catalog search is here and in migrations V2, V5, V14 and V16.
 */
public final class FullTextIndex {

    private static final Logger LOG = LoggerFactory.getLogger(FullTextIndex.class);

    private FullTextIndex() {
    }

    /**
     * Stops the index triggers for a bulk write; {@link #rebuild} restarts them. If the writer dies in
     * between, the engine rebuilds at its next start ({@link #repairIfStale}). Commits nothing itself.
     */
    public static void suspend(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE releases_fts_state SET live = 0 WHERE id = 1");
        }
    }

    /** The fewest releases a term is in for {@code catalog_word_counts} to keep its count (as migration V16). */
    static final int COUNTED = 64;

    /**
     * Rebuilds the whole index from {@code discogs_releases}, counts again in how many releases each
     * common term occurs ({@code catalog_word_counts}, migration V16) and restarts the triggers.
     * Commits nothing itself.
     */
    public static void rebuild(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO releases_fts (releases_fts) VALUES ('rebuild')");
            s.executeUpdate("DELETE FROM catalog_word_counts");
            s.executeUpdate("INSERT INTO catalog_word_counts (term, releases) SELECT term, doc FROM releases_fts_vocab "
                    + "WHERE doc >= " + COUNTED);
            s.executeUpdate("UPDATE releases_fts_state SET live = 1 WHERE id = 1");
        }
    }

    /**
     * Rebuilds the index if it is stale: a bulk import was interrupted, or an upgrade added the
     * {@code spellings} column (migration V14) or the {@code name_hash} column (V17), which are filled
     * in first for the releases that have none.
     */
    static void repairIfStale(DataSource dataSource) {
        long databaseBytes = 0;
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT live, (SELECT page_count FROM pragma_page_count()) "
                     + "* (SELECT page_size FROM pragma_page_size()) FROM releases_fts_state WHERE id = 1")) {
            if (rs.next() && rs.getInt(1) == 0) {
                databaseBytes = rs.getLong(2);
                LOG.warn("The catalog's full-text index is stale (an interrupted import or an upgrade); rebuilding it");
                long t0 = System.nanoTime();
                boolean autoCommit = c.getAutoCommit();
                c.setAutoCommit(false);
                boolean done = false;
                try {
                    int filled = fillSpellings(c);
                    int named = fillNameHashes(c);
                    rebuild(c);
                    c.commit();
                    done = true;
                    LOG.info("Rebuilt the catalog's full-text index in {} ms ({} releases given other spellings, "
                            + "{} their name's hash)", (System.nanoTime() - t0) / 1_000_000, filled, named);
                } finally {
                    // A failure leaves the catalog as it was. Restoring auto-commit would commit the half
                    // done, so roll back first; SQLite may have rolled back already (a full disk).
                    if (!done) {
                        try {
                            c.rollback();
                        } catch (SQLException alreadyRolledBack) {
                            LOG.debug("Rollback after a failed rebuild: {}", alreadyRolledBack.getMessage());
                        }
                    }
                    try {
                        c.setAutoCommit(autoCommit);
                    } catch (SQLException e) {
                        if (done) {
                            throw e;
                        }
                    }
                }
            }
        } catch (SQLException e) {
            if (StorageException.isDiskFull(e)) {
                throw new StorageException(String.format(java.util.Locale.ROOT, "Cannot rebuild the catalog's full-text "
                        + "index: the disk is full. The rebuild needs free space beside the database for a while, up to "
                        + "about its size (%,d MB); nothing was changed. Free some space and start again.",
                        Math.max(1, databaseBytes >> 20)), e);
            }
            throw new StorageException("Cannot check the catalog's full-text index: " + e.getMessage(), e);
        }
    }

    /**
     * Works out {@code spellings} for the releases that have none yet and could have some (text beyond
     * plain ASCII, or with apostrophes or dots). Commits nothing itself; returns how many got any.
     */
    static int fillSpellings(Connection c) throws SQLException {
        return fill(c, "SELECT id, artists, title, labels FROM discogs_releases WHERE spellings IS NULL "
                        + "AND (artists || ' ' || title || ' ' || labels) GLOB '*[^ -&(-~]*'",
                "UPDATE discogs_releases SET spellings = ? WHERE id = ?",
                rs -> OtherSpellings.of(rs.getString(2), rs.getString(3), rs.getString(4)));
    }

    /**
     * Works out {@code name_hash} ({@link NameKey}) for the releases that have none. Commits nothing
     * itself; returns how many got one (a name without words a search asks for gets none).
     */
    static int fillNameHashes(Connection c) throws SQLException {
        return fill(c, "SELECT id, artists, title FROM discogs_releases WHERE name_hash IS NULL",
                "UPDATE discogs_releases SET name_hash = ? WHERE id = ?",
                rs -> NameKey.of(rs.getString(2), rs.getString(3)));
    }

    /** A derived column's value for a row of {@code discogs_releases}, or null when it has none. */
    private interface DerivedValue {
        Object of(ResultSet row) throws SQLException;
    }

    /**
     * Works a derived column out for the rows {@code select} reads (the id first) and writes it with
     * {@code update} (the value, then the id) where there is one; returns how many got one.
     */
    private static int fill(Connection c, String select, String update, DerivedValue value) throws SQLException {
        int filled = 0;
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(select);
             java.sql.PreparedStatement write = c.prepareStatement(update)) {
            while (rs.next()) {
                Object v = value.of(rs);
                if (v != null) {
                    write.setObject(1, v);
                    write.setLong(2, rs.getLong(1));
                    write.executeUpdate();
                    filled++;
                }
            }
        }
        return filled;
    }

    /**
     * The other spelling a search also tries for a word: its {@link TextKeys#spellingKey}, which the
     * index holds for words of other scripts; null when it is the word itself.
     */
    static String alternative(String term) {
        List<String> words = TextKeys.words(term);
        if (words.size() != 1) {
            return null;
        }
        String key = TextKeys.spellingKey(words.get(0));
        return key.equals(words.get(0)) || key.length() < 2 ? null : key;
    }

    /**
     * An FTS5 MATCH expression for releases containing every term of {@code allOf} and at least one of
     * {@code anyOf} (when not empty), or null when no term has a letter or digit. Every term is a
     * quoted FTS string, so no user text is query syntax.
     */
    public static String matchExpression(List<String> allOf, List<String> anyOf) {
        StringBuilder q = new StringBuilder();
        for (String term : allOf) {
            if (hasWordCharacter(term)) {
                String other = alternative(term);
                q.append(q.length() == 0 ? "" : " AND ").append(other == null ? quote(term)
                        : "(" + quote(term) + " OR " + quote(other) + ")");
            }
        }
        StringBuilder any = new StringBuilder();
        for (String term : anyOf) {
            if (hasWordCharacter(term)) {
                String other = alternative(term);
                any.append(any.length() == 0 ? "" : " OR ").append(quote(term));
                if (other != null) {
                    any.append(" OR ").append(quote(other));
                }
            }
        }
        if (any.length() > 0) {
            q.append(q.length() == 0 ? "" : " AND ").append('(').append(any).append(')');
        }
        return q.length() == 0 ? null : q.toString();
    }

    private static String quote(String term) {
        return '"' + term.replace("\"", "\"\"") + '"';
    }

    private static boolean hasWordCharacter(String term) {
        if (term == null) {
            return false;
        }
        for (int i = 0; i < term.length(); i++) {
            if (Character.isLetterOrDigit(term.charAt(i))) {
                return true;
            }
        }
        return false;
    }
}
