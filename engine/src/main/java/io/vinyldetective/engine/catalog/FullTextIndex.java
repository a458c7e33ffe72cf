package io.vinyldetective.engine.catalog;

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
 * mode. Every SQLite-specific piece of catalog search is here and in migration V2.
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

    /** Rebuilds the whole index from {@code discogs_releases} and restarts the triggers. Commits nothing itself. */
    public static void rebuild(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO releases_fts (releases_fts) VALUES ('rebuild')");
            s.executeUpdate("UPDATE releases_fts_state SET live = 1 WHERE id = 1");
        }
    }

    /** Rebuilds the index if a bulk import was interrupted and left it stale. */
    static void repairIfStale(DataSource dataSource) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT live FROM releases_fts_state WHERE id = 1")) {
            if (rs.next() && rs.getInt(1) == 0) {
                LOG.warn("The catalog's full-text index was left stale by an interrupted import; rebuilding it");
                boolean autoCommit = c.getAutoCommit();
                c.setAutoCommit(false);
                try {
                    rebuild(c);
                    c.commit();
                } finally {
                    c.setAutoCommit(autoCommit);
                }
            }
        } catch (SQLException e) {
            throw new StorageException("Cannot check the catalog's full-text index: " + e.getMessage(), e);
        }
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
                q.append(q.length() == 0 ? "" : " ").append(quote(term));
            }
        }
        StringBuilder any = new StringBuilder();
        for (String term : anyOf) {
            if (hasWordCharacter(term)) {
                any.append(any.length() == 0 ? "" : " OR ").append(quote(term));
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
