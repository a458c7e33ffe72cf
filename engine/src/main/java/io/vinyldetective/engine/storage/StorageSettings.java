package io.vinyldetective.engine.storage;

import io.micronaut.context.annotation.Property;
import jakarta.inject.Singleton;

import java.nio.file.Path;

/**
 * The storage keys of the configuration: where the data lives and how SQLite is tuned.
 * Defaults are in {@code application.yml}.
 */
@Singleton
public final class StorageSettings {

    /** Directory of the database file; {@code $DATA_DIR} overrides it. */
    public static final String DATA_DIR = "vinyl-detective.data-dir";
    /** SQLite page cache per connection, in KiB (the Pi has 1-2 GB for everything). */
    public static final String CACHE_SIZE_KIB = "vinyl-detective.db.cache-size-kib";
    /** How long a connection waits for another writer before giving up, in milliseconds. */
    public static final String BUSY_TIMEOUT_MS = "vinyl-detective.db.busy-timeout-ms";
    /** The database file's name inside the data directory. */
    public static final String DATABASE_FILE = "vinyl-detective.db";

    private final Path dataDir;
    private final int cacheSizeKib;
    private final int busyTimeoutMs;

    public StorageSettings(@Property(name = DATA_DIR, defaultValue = "./data") String dataDir,
                           @Property(name = CACHE_SIZE_KIB, defaultValue = "4096") int cacheSizeKib,
                           @Property(name = BUSY_TIMEOUT_MS, defaultValue = "5000") int busyTimeoutMs) {
        this.dataDir = Path.of(dataDir);
        this.cacheSizeKib = cacheSizeKib;
        this.busyTimeoutMs = busyTimeoutMs;
    }

    public Path dataDir() {
        return dataDir;
    }

    public int cacheSizeKib() {
        return cacheSizeKib;
    }

    public int busyTimeoutMs() {
        return busyTimeoutMs;
    }
}
