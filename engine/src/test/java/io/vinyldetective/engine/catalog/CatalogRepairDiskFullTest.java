package io.vinyldetective.engine.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.ApplicationContext;
import io.vinyldetective.engine.storage.EngineDatabase;
import io.vinyldetective.engine.storage.StorageException;
import io.vinyldetective.engine.storage.StorageSettings;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The repair after an upgrade (V17) rewrites every release and the whole index: on a disk too full
 * for it, the operator is told so, and the catalog stays as it was, to be repaired at a later start.
 */
class CatalogRepairDiskFullTest {

    @TempDir
    Path dir;

    @Test
    void aDiskTooFullForTheRepairSaysSoAndChangesNothing() throws SQLException {
        try (ApplicationContext context = ApplicationContext.run(Map.of(StorageSettings.DATA_DIR, dir.toString()))) {
            EngineDatabase db = context.getBean(EngineDatabase.class);
            DataSource pool = db.dataSource();
            StringBuilder rows = new StringBuilder();
            for (int i = 1; i <= 2000; i++) {
                rows.append(i == 1 ? "" : ", ").append("(").append(i).append(", 'Quiet Season ").append(i)
                        .append("', 'Ray Fox', 'Label', 'VINYL', 'dump', 0)");
            }
            CatalogSpellingsUpgradeTest.asBeforeTheUpgrade(db, rows.toString());
            StorageException e = assertThrows(StorageException.class, () -> FullTextIndex.repairIfStale(full(pool)));
            assertTrue(e.getMessage().contains("the disk is full") && e.getMessage().contains("nothing was changed"),
                    e.getMessage());
            try (Connection c = pool.getConnection(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT (SELECT count(*) FROM discogs_releases WHERE name_hash IS NOT NULL), "
                         + "(SELECT live FROM releases_fts_state)")) {
                rs.next();
                assertEquals(0, rs.getInt(1), "no release half-written");
                assertEquals(0, rs.getInt(2), "still to be repaired");
            }
            FullTextIndex.repairIfStale(pool);
            try (Connection c = pool.getConnection(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT count(*) FROM discogs_releases WHERE name_hash IS NOT NULL")) {
                rs.next();
                assertEquals(2000, rs.getInt(1), "repaired once there is room");
            }
        }
    }

    /**
     * The pool's connections, limited to the pages the database has now, so that any growth fails as
     * on a full disk; the limit is lifted when a connection goes back to the pool.
     */
    private static DataSource full(DataSource pool) {
        return (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, args) -> {
                    if (!method.getName().equals("getConnection") || args != null && args.length > 0) {
                        return method.invoke(pool, args);
                    }
                    Connection c = pool.getConnection();
                    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA page_count")) {
                        rs.next();
                        s.execute("PRAGMA max_page_count = " + rs.getLong(1));
                    }
                    return Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                            (p, m, a) -> {
                                if (m.getName().equals("close")) {
                                    try (Statement s = c.createStatement()) {
                                        s.execute("PRAGMA max_page_count = 1073741823");
                                    }
                                }
                                try {
                                    return m.invoke(c, a);
                                } catch (java.lang.reflect.InvocationTargetException e) {
                                    throw e.getCause();
                                }
                            });
                });
    }
}
