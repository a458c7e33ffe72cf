package io.vinyldetective.engine.storage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MigrationsTest {

    @TempDir
    Path dir;

    private SQLiteDataSource file() {
        SQLiteDataSource ds = new SQLiteDataSource();
        ds.setUrl("jdbc:sqlite:" + dir.resolve("test.db"));
        return ds;
    }

    @Test
    void migratesAnEmptyFileAndRerunningIsANoOpThatKeepsData() throws SQLException {
        SQLiteDataSource ds = file();
        Migrations migrations = new Migrations();
        int all = migrations.available().size();
        assertEquals(all, migrations.migrate(ds));
        assertEquals(all, count(ds, "SELECT COUNT(*) FROM schema_version"));
        execute(ds, "INSERT INTO api_budget (source, day, calls) VALUES ('ebay', '2026-11-25', 7)");

        assertEquals(0, migrations.migrate(ds));
        assertEquals(all, count(ds, "SELECT COUNT(*) FROM schema_version"));
        assertEquals(7, count(ds, "SELECT calls FROM api_budget"));
    }

    @Test
    void refusesADatabaseWhoseAppliedMigrationChanged() throws SQLException {
        SQLiteDataSource ds = file();
        new Migrations().migrate(ds);
        execute(ds, "UPDATE schema_version SET checksum = 'abc' WHERE version = 1");
        StorageException e = assertThrows(StorageException.class, () -> new Migrations().migrate(ds));
        assertTrue(e.getMessage().contains("V1") && e.getMessage().contains("changed"), e.getMessage());
    }

    @Test
    void refusesADatabaseNewerThanTheCode() throws SQLException {
        SQLiteDataSource ds = file();
        new Migrations().migrate(ds);
        execute(ds, "INSERT INTO schema_version VALUES (99, 'future', 'x', 0)");
        StorageException e = assertThrows(StorageException.class, () -> new Migrations().migrate(ds));
        assertTrue(e.getMessage().contains("newer"), e.getMessage());
    }

    @Test
    void upgradesAVersionOneDatabaseAndKeepsItsRows() throws SQLException {
        SQLiteDataSource ds = file();
        Migrations all = new Migrations();
        Migrations.Migration v1 = all.available().get(0);
        // Apply V1 alone, the way an older release would have.
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("CREATE TABLE schema_version (version INTEGER PRIMARY KEY, description TEXT NOT NULL, "
                    + "checksum TEXT NOT NULL, applied_at BIGINT NOT NULL)");
            for (String sql : SqlScript.statements(v1.sql())) {
                s.execute(sql);
            }
            s.executeUpdate("INSERT INTO schema_version VALUES (1, 'init', '" + v1.checksum() + "', 0)");
            s.executeUpdate("INSERT INTO discogs_releases (id, title, artists, labels, source, updated_at) "
                    + "VALUES (3, 'Profound Sounds Vol. 1', 'Josh Wink', 'Ruffhouse Records', 'dump', 0)");
        }
        assertEquals(all.available().size() - 1, all.migrate(ds));
        assertEquals(1, count(ds, "SELECT COUNT(*) FROM discogs_releases"));
        // V14 left the index to be rebuilt at the next start, once the releases have their other spellings.
        assertEquals(0, count(ds, "SELECT live FROM releases_fts_state"));
        assertEquals(1, count(ds, "SELECT COUNT(*) FROM discogs_releases WHERE spellings IS NULL"));
        // V2 added the full-text index; a rebuild picks up the row written before it.
        execute(ds, "INSERT INTO releases_fts (releases_fts) VALUES ('rebuild')");
        assertEquals(1, count(ds, "SELECT COUNT(*) FROM releases_fts WHERE releases_fts MATCH 'wink'"));
    }

    @Test
    void theIndexListsEveryMigrationScript() throws IOException {
        Path folder = Path.of("src/main/resources", Migrations.LOCATION);
        try (Stream<Path> files = Files.list(folder)) {
            List<String> scripts = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".sql")).sorted()
                    .collect(Collectors.toList());
            List<String> indexed = new Migrations().available().stream()
                    .map(m -> "V" + m.version() + "__" + m.description().replace(' ', '_') + ".sql").sorted()
                    .collect(Collectors.toList());
            assertEquals(scripts, indexed);
        }
    }

    @Test
    void aGapInTheVersionsIsFineAndAScriptThatFillsItLaterIsAppliedThen() throws SQLException {
        SQLiteDataSource ds = file();
        ClassLoader loader = getClass().getClassLoader();
        assertEquals(2, new Migrations(loader, "db/gap-before").migrate(ds));
        // A later release has V2 too (listed in any order): only V2 is applied, V1 and V3 are kept.
        Migrations filled = new Migrations(loader, "db/gap-filled");
        assertEquals(List.of(1, 2, 3), filled.available().stream().map(Migrations.Migration::version).toList());
        assertEquals(1, filled.migrate(ds));
        assertEquals(3, count(ds, "SELECT COUNT(*) FROM schema_version"));
        assertEquals(1, count(ds, "SELECT COUNT(*) FROM sqlite_master WHERE name = 'two'"));
        assertEquals(0, filled.migrate(ds));
    }

    @Test
    void versionTwelveFollowsTenWithElevenLeftFree() {
        List<Integer> versions = new Migrations().available().stream().map(Migrations.Migration::version).toList();
        assertTrue(versions.contains(10) && versions.contains(12) && !versions.contains(11), versions.toString());
    }

    @Test
    void versionTwelveKeepsEveryOutboxRowAsTheChatsOwnAndItsIdsGoOnRising() throws SQLException {
        SQLiteDataSource ds = file();
        List<Migrations.Migration> all = new Migrations().available();
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("CREATE TABLE schema_version (version INTEGER PRIMARY KEY, description TEXT NOT NULL, "
                    + "checksum TEXT NOT NULL, applied_at BIGINT NOT NULL)");
            for (Migrations.Migration m : all) {
                if (m.version() < 12) {
                    for (String sql : SqlScript.statements(m.sql())) {
                        s.execute(sql);
                    }
                    s.executeUpdate("INSERT INTO schema_version VALUES (" + m.version() + ", 'x', '" + m.checksum() + "', 0)");
                }
            }
            s.executeUpdate("INSERT INTO alert_outbox (id, notifier, chat_id, listing_id, release_id, deal_score, payload, "
                    + "state, attempts, next_attempt_at, created_at) VALUES (41, 'telegram', '7', 'L1', 5, 0.5, '{}', "
                    + "'pending', 2, 0, 0), (42, 'telegram', '7', 'L2', 5, 0.5, '{}', 'sent', 0, 0, 0)");
        }
        assertEquals(List.of(12, 13, 14, 15, 16, 17), new Migrations().available().stream().map(Migrations.Migration::version)
                .filter(v -> v >= 12).toList());
        assertEquals(6, new Migrations().migrate(ds), "V12 to V17");
        assertEquals(2, count(ds, "SELECT COUNT(*) FROM alert_outbox WHERE destination_id = 0"));
        assertEquals(2, count(ds, "SELECT attempts FROM alert_outbox WHERE id = 41"));
        execute(ds, "INSERT INTO alert_outbox (notifier, chat_id, destination_id, listing_id, release_id, deal_score, "
                + "payload, next_attempt_at, created_at) VALUES ('ntfy', '7', 3, 'L1', 5, 0.5, '{}', 0, 0)");
        assertEquals(43, count(ds, "SELECT MAX(id) FROM alert_outbox"), "an Alert id is never reused");
        // One row per (chat, listing, destination): the same listing for the chat itself again is refused.
        assertThrows(SQLException.class, () -> execute(ds, "INSERT INTO alert_outbox (notifier, chat_id, listing_id, "
                + "release_id, deal_score, payload, next_attempt_at, created_at) VALUES ('telegram', '7', 'L1', 5, 0.5, '{}', 0, 0)"));
    }

    @Test
    void splitsTriggersAndIgnoresSemicolonsInQuotesAndComments() {
        List<String> statements = SqlScript.statements("CREATE TABLE a (x TEXT DEFAULT ';'); -- a; comment\n"
                + "CREATE TRIGGER t AFTER INSERT ON a BEGIN INSERT INTO a VALUES (';'); DELETE FROM a; END;\nSELECT 1");
        assertEquals(3, statements.size(), statements.toString());
        assertTrue(statements.get(1).endsWith("END"));
    }

    private static long count(SQLiteDataSource ds, String sql) throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void execute(SQLiteDataSource ds, String sql) throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate(sql);
        }
    }
}
