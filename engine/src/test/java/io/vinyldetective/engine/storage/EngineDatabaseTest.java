package io.vinyldetective.engine.storage;

import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The database as the engine gets it: the Micronaut pool on a file, migrated, with its pragmas. */
class EngineDatabaseTest {

    @TempDir
    Path dir;
    private ApplicationContext context;
    private Path dataDir;

    @BeforeEach
    void start() {
        dataDir = dir.resolve("not/yet/there");
        context = ApplicationContext.run(Map.of(StorageSettings.DATA_DIR, dataDir.toString()));
    }

    @AfterEach
    void stop() {
        context.close();
    }

    @Test
    void createsTheDirectoryAndMigratesTheFile() throws SQLException {
        EngineDatabase db = context.getBean(EngineDatabase.class);
        assertTrue(Files.exists(dataDir.resolve(StorageSettings.DATABASE_FILE)));
        assertEquals(new Migrations().available().size(), query(db, "SELECT COUNT(*) FROM schema_version"));
    }

    @Test
    void pooledConnectionsHaveThePragmas() throws SQLException {
        EngineDatabase db = context.getBean(EngineDatabase.class);
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            assertEquals("wal", text(s, "PRAGMA journal_mode"));
            assertEquals("1", text(s, "PRAGMA foreign_keys"));
            assertEquals("1", text(s, "PRAGMA synchronous")); // NORMAL
            assertEquals("5000", text(s, "PRAGMA busy_timeout"));
            assertEquals("-4096", text(s, "PRAGMA cache_size"));
        }
    }

    @Test
    void savedSearchesSaveAndFindOnSqlite() {
        SavedSearchRepository repo = context.getBean(SavedSearchRepository.class);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        SavedSearch saved = repo.save(new SavedSearch(null, "42", "miles davis kind of blue", "VINYL",
                new BigDecimal("29.9"), "EUR", 0.3, 900, true, now, null, true, true));
        repo.save(new SavedSearch(null, "42", "coltrane", null, null, null, 0.25, 600, false, now, null, false, false));
        repo.save(new SavedSearch(null, "7", "wink", null, null, null, 0.25, 600, true, now, null, false, false));
        assertNotNull(saved.id());

        List<SavedSearch> mine = repo.findByChatIdOrderById("42");
        assertEquals(2, mine.size());
        assertEquals(saved, mine.get(0)); // NUMERIC keeps the value, not the scale: 29.90 would come back as 29.9
        assertEquals(new BigDecimal("29.9"), mine.get(0).maxPrice());
        assertEquals(2, repo.findByActiveTrue().size());
        assertEquals(2, repo.countByChatId("42"));

        Instant polled = now.plusSeconds(60);
        repo.updateLastPolledAt(saved.id(), polled);
        assertEquals(polled, repo.findById(saved.id()).orElseThrow().lastPolledAt());
        repo.deleteById(saved.id());
        assertEquals(1, repo.countByChatId("42"));
    }

    private static long query(EngineDatabase db, String sql) throws SQLException {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String text(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
