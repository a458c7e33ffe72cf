package io.vinyldetective.engine.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.micronaut.context.ApplicationContext;
import io.vinyldetective.engine.storage.EngineDatabase;
import io.vinyldetective.engine.storage.StorageSettings;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A catalog written before migration V14: its releases have no {@code spellings} and the index is
 * marked stale. The next start works the spellings out and rebuilds the index, so a seller's Latin
 * spelling finds a Cyrillic release and {@code ostergaard} finds {@code Østergaard}.
 */
class CatalogSpellingsUpgradeTest {

    @TempDir
    Path dir;

    @Test
    void theFirstStartAfterTheUpgradeGivesOldReleasesTheirOtherSpellings() throws SQLException {
        try (ApplicationContext context = ApplicationContext.run(Map.of(StorageSettings.DATA_DIR, dir.toString()))) {
            EngineDatabase db = context.getBean(EngineDatabase.class);
            // What V14 leaves: rows as an older engine wrote them (no spellings), and the index to be rebuilt.
            asBeforeTheUpgrade(db, "(1, 'NEW 2002', 'Ласковый Май', 'Мороз Рекордс', 'CASSETTE', 'dump', 0), "
                    + "(2, 'Lyd', 'Jens Østergaard', 'Straße Records', 'VINYL', 'dump', 0), "
                    + "(3, 'Don''t Stop', 'Plain Name', 'Label', 'VINYL', 'dump', 0)");
            CatalogStore catalog = new CatalogStore(db);
            assertEquals(List.of(1L), ids(catalog.search(List.of("laskovij", "maj"), List.of(), 5)));
            assertEquals(List.of(1L), ids(catalog.search(List.of("moroz"), List.of(), 5)));
            assertEquals(List.of(2L), ids(catalog.search(List.of("ostergaard"), List.of("strasse"), 5)));
            assertEquals(List.of(3L), ids(catalog.search(List.of("dont", "stop"), List.of(), 5)));
            try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT spellings, (SELECT live FROM releases_fts_state) FROM discogs_releases "
                         + "WHERE id = 2")) {
                rs.next();
                assertEquals("ostergaard strasse", rs.getString(1));
                assertEquals(1, rs.getInt(2), "the index is live again");
            }
            // Written from now on with the release: an update keeps the index in step.
            try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
                s.executeUpdate("UPDATE discogs_releases SET spellings = NULL WHERE id = 2");
            }
            assertEquals(List.of(), ids(catalog.search(List.of("ostergaard"), List.of(), 5)));
            assertNull(OtherSpellings.of("Plain Name", "Lyd", "Label"));
        }
    }

    @Test
    void theFirstStartAfterTheUpgradeHashesOldReleasesNames() throws SQLException {
        try (ApplicationContext context = ApplicationContext.run(Map.of(StorageSettings.DATA_DIR, dir.toString()))) {
            EngineDatabase db = context.getBean(EngineDatabase.class);
            // What V17 leaves: rows without a name hash, and the index to be repaired.
            asBeforeTheUpgrade(db, "(1, 'Lost Mirror', 'The Southern Signals', 'Factory', 'CD', 'dump', 0), "
                    + "(2, '1999', 'The', 'Label', 'VINYL', 'dump', 0)");
            new CatalogStore(db);
            try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT id, name_hash FROM discogs_releases ORDER BY id")) {
                rs.next();
                assertEquals(NameKey.of("The Southern Signals", "Lost Mirror"), rs.getLong(2));
                rs.next();
                assertNull(rs.getObject(2), "no words a search asks for");
            }
        }
    }

    /**
     * Releases as an engine before the upgrade wrote them ({@code (id, title, artists, labels, format,
     * source, updated_at)} value rows, without the columns the engine works out) and the index marked
     * for repair, as the upgrade's migration leaves it.
     */
    static void asBeforeTheUpgrade(EngineDatabase db, String valueRows) throws SQLException {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE releases_fts_state SET live = 0 WHERE id = 1");
            s.executeUpdate("INSERT INTO discogs_releases (id, title, artists, labels, format, source, updated_at) VALUES "
                    + valueRows);
        }
    }

    private static List<Long> ids(List<io.vinyldetective.api.Release> releases) {
        return releases.stream().map(io.vinyldetective.api.Release::id).toList();
    }
}
