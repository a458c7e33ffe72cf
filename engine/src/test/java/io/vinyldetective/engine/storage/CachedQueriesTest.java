package io.vinyldetective.engine.storage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CachedQueriesTest {

    private static final String BY_ID = "SELECT name FROM t WHERE id = ?";

    @TempDir
    Path dir;
    private final List<Connection> open = new ArrayList<>();
    private final CachedQueries queries = new CachedQueries();

    @BeforeEach
    void table() throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.executeUpdate("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT)");
            s.executeUpdate("INSERT INTO t VALUES (1, 'one'), (2, 'two')");
        }
    }

    @AfterEach
    void close() throws SQLException {
        for (Connection c : open) {
            c.close();
        }
    }

    @Test
    void aConnectionCompilesAQueryOnceAndReadsWithNewParameters() throws SQLException {
        Connection c = connect();
        PreparedStatement first = queries.prepare(c, BY_ID);
        assertEquals("one", name(first, 1));
        PreparedStatement again = queries.prepare(c, BY_ID);
        assertSame(first, again);
        assertEquals("two", name(again, 2));
        assertNotSame(first, queries.prepare(connect(), BY_ID), "each connection has its own statements");
    }

    @Test
    void aReadThroughACachedStatementSeesLaterWrites() throws SQLException {
        Connection reader = connect();
        assertEquals("one", name(queries.prepare(reader, BY_ID), 1));
        try (Connection writer = connect(); Statement s = writer.createStatement()) {
            s.executeUpdate("UPDATE t SET name = 'uno' WHERE id = 1");
        }
        assertEquals("uno", name(queries.prepare(reader, BY_ID), 1), "a closed result set ends the statement's read");
    }

    @Test
    void aStatementClosedByMistakeIsCompiledAgain() throws SQLException {
        Connection c = connect();
        PreparedStatement first = queries.prepare(c, BY_ID);
        first.close();
        PreparedStatement again = queries.prepare(c, BY_ID);
        assertNotSame(first, again);
        assertEquals("one", name(again, 1));
    }

    @Test
    void theStatementsOfAClosedConnectionAreDropped() throws SQLException {
        Connection gone = connect();
        queries.prepare(gone, BY_ID);
        gone.close();
        queries.prepare(connect(), BY_ID);
        assertEquals(1, queries.connections());
    }

    @Test
    void aConnectionKeepsItsMostRecentlyUsedStatements() throws SQLException {
        Connection c = connect();
        PreparedStatement kept = queries.prepare(c, BY_ID);
        PreparedStatement eldest = queries.prepare(c, "SELECT 0");
        for (int i = 1; i < CachedQueries.PER_CONNECTION; i++) {
            queries.prepare(c, "SELECT " + i);
            queries.prepare(c, BY_ID);
        }
        assertTrue(eldest.isClosed(), "the least recently used statement is closed");
        assertFalse(kept.isClosed());
        assertSame(kept, queries.prepare(c, BY_ID));
    }

    private Connection connect() throws SQLException {
        Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("t.db"));
        open.add(c);
        return c;
    }

    private static String name(PreparedStatement ps, long id) throws SQLException {
        ps.setLong(1, id);
        try (ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getString(1) : null;
        }
    }
}
