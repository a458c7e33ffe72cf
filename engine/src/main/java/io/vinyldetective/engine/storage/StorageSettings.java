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
    /**
     * How much of the database file SQLite reads through memory mapping, in MiB (0: none). Catalog
     * reads then come straight from the operating system's file cache, about twice as fast on a
     * large catalog; the mapped pages show in the process's RSS but are the kernel's to drop.
     */
    public static final String MMAP_MIB = "vinyl-detective.db.mmap-mib";
    /** How long a connection waits for another writer before giving up, in milliseconds. */
    public static final String BUSY_TIMEOUT_MS = "vinyl-detective.db.busy-timeout-ms";
    /** The database file's name inside the data directory. */
    public static final String DATABASE_FILE = "vinyl-detective.db";

    private final Path dataDir;
    private final int cacheSizeKib;
    private final int busyTimeoutMs;
    private final int mmapMib;

    public StorageSettings(@Property(name = DATA_DIR, defaultValue = "./data") String dataDir,
                           @Property(name = CACHE_SIZE_KIB, defaultValue = "4096") int cacheSizeKib,
                           @Property(name = BUSY_TIMEOUT_MS, defaultValue = "5000") int busyTimeoutMs,
                           @Property(name = MMAP_MIB, defaultValue = "256") int mmapMib) {
        this.dataDir = Path.of(dataDir);
        this.cacheSizeKib = cacheSizeKib;
        this.busyTimeoutMs = busyTimeoutMs;
        this.mmapMib = Math.max(0, mmapMib);
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

    public int mmapMib() {
        return mmapMib;
    }
}
