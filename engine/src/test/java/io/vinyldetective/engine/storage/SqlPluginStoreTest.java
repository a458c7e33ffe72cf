package io.vinyldetective.engine.storage;

import io.vinyldetective.api.PluginStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SqlPluginStoreTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T12:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    private SQLiteDataSource dataSource;

    @BeforeEach
    void migrate() {
        SQLiteConfig config = new SQLiteConfig();
        config.setBusyTimeout(5000);
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        dataSource = new SQLiteDataSource(config);
        dataSource.setUrl("jdbc:sqlite:" + dir.resolve("store.db"));
        new Migrations().migrate(dataSource);
    }

    @Test
    void countersAreDurableAndKeptApartPerPlugin() {
        PluginStore ebay = new SqlPluginStore(dataSource, "ebay", CLOCK);
        PluginStore discogs = new SqlPluginStore(dataSource, "discogs", CLOCK);

        assertEquals(0, ebay.counter("calls.2026-11-25"));
        assertEquals(1, ebay.increment("calls.2026-11-25", 1));
        assertEquals(5, ebay.increment("calls.2026-11-25", 4));
        assertEquals(0, discogs.counter("calls.2026-11-25"));

        PluginStore reopened = new SqlPluginStore(dataSource, "ebay", CLOCK);
        assertEquals(5, reopened.counter("calls.2026-11-25"));
        reopened.remove("calls.2026-11-25");
        assertEquals(0, ebay.counter("calls.2026-11-25"));
    }

    @Test
    void textsAreReplacedAndLiveBesideCounters() {
        PluginStore store = new SqlPluginStore(dataSource, "ebay", CLOCK);
        assertEquals(Optional.empty(), store.text("quota-stopped-day"));
        store.putText("quota-stopped-day", "2026-11-24");
        store.putText("quota-stopped-day", "2026-11-25");
        store.increment("quota-stopped-day", 2);
        assertEquals(Optional.of("2026-11-25"), store.text("quota-stopped-day"));
        assertEquals(2, store.counter("quota-stopped-day"));
        store.remove("quota-stopped-day");
        assertEquals(Optional.empty(), store.text("quota-stopped-day"));
        assertThrows(IllegalArgumentException.class, () -> store.putText("", "x"));
    }

    @Test
    void concurrentIncrementsLoseNoCount() throws Exception {
        PluginStore store = new SqlPluginStore(dataSource, "ebay", CLOCK);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                futures.add(pool.submit(() -> {
                    for (int n = 0; n < 25; n++) {
                        store.increment("calls", 1);
                    }
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(100, store.counter("calls"));
    }
}
