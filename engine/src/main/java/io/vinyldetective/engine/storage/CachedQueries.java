package io.vinyldetective.engine.storage;

import org.sqlite.SQLiteConnection;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Read statements compiled once per pooled SQLite connection and reused, for queries run so often
 * that compiling them is a share of their cost (SQLite compiles a look-up in 5 to 15 µs; the catalog's
 * matcher look-ups run in tens). Neither the pool nor the driver keeps statements between borrowings.
 *
 * <p>Use: {@code PreparedStatement ps = queries.prepare(connection, SQL)} inside the borrowing of
 * {@code connection}; set every parameter, read and close the {@code ResultSet} (which resets the
 * statement and ends its read), and do not close the statement. The SQL must be a constant (the
 * cache holds {@value #PER_CONNECTION} statements per connection, least recently used out) and only
 * read. A statement closed by mistake is compiled again; statements of connections the pool has
 * closed are dropped at the next compilation. Thread-safe.
 */
public final class CachedQueries {

    static final int PER_CONNECTION = 24;

    private final Map<SQLiteConnection, Map<String, PreparedStatement>> byConnection = new ConcurrentHashMap<>();

    /** The statement for {@code sql} on this (pooled) connection, parameters cleared. */
    public PreparedStatement prepare(Connection connection, String sql) throws SQLException {
        SQLiteConnection physical = connection.unwrap(SQLiteConnection.class);
        Map<String, PreparedStatement> statements = byConnection.get(physical);
        if (statements == null) {
            byConnection.keySet().removeIf(CachedQueries::closed);
            statements = byConnection.computeIfAbsent(physical, k -> new Lru());
        }
        synchronized (statements) {
            PreparedStatement ps = statements.get(sql);
            if (ps != null && !ps.isClosed()) {
                ps.clearParameters();
                return ps;
            }
            ps = physical.prepareStatement(sql);
            statements.put(sql, ps);
            return ps;
        }
    }

    /** How many connections have statements here (for tests). */
    int connections() {
        return byConnection.size();
    }

    private static boolean closed(SQLiteConnection c) {
        try {
            return c.isClosed();
        } catch (SQLException e) {
            return true;
        }
    }

    /** One connection's statements, the least recently used closed when there are too many. */
    private static final class Lru extends LinkedHashMap<String, PreparedStatement> {
        Lru() {
            super(PER_CONNECTION * 2, 0.75f, true);
        }

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, PreparedStatement> eldest) {
            if (size() <= PER_CONNECTION) {
                return false;
            }
            try {
                eldest.getValue().close();
            } catch (SQLException ignored) {
                // a statement that cannot close holds nothing the connection's close does not release
            }
            return true;
        }
    }
}
