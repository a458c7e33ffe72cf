package io.vinyldetective.engine.storage;

import java.util.Properties;

/**
 * The SQLite settings every connection gets, as sqlite-jdbc connection properties (the driver
 * applies them when it opens a connection): WAL, {@code synchronous=NORMAL}, foreign keys on, a
 * busy timeout, {@code BEGIN IMMEDIATE} transactions (read-then-write transactions otherwise fail
 * with SQLITE_BUSY under concurrency), a bounded page cache and memory-mapped reads.
 */
public final class SqlitePragmas {

    private SqlitePragmas() {
    }

    /** The connection properties for a pooled connection. */
    public static Properties standard(StorageSettings settings) {
        Properties p = standard(settings.cacheSizeKib(), settings.busyTimeoutMs());
        p.setProperty("mmap_size", Long.toString((long) settings.mmapMib() << 20));
        return p;
    }

    /** The connection properties for a pooled connection, without memory-mapped reads. */
    public static Properties standard(int cacheSizeKib, int busyTimeoutMs) {
        Properties p = new Properties();
        p.setProperty("journal_mode", "WAL");
        p.setProperty("synchronous", "NORMAL");
        p.setProperty("foreign_keys", "true");
        p.setProperty("busy_timeout", Integer.toString(busyTimeoutMs));
        p.setProperty("transaction_mode", "IMMEDIATE");
        // A negative cache_size is in KiB rather than pages.
        p.setProperty("cache_size", Integer.toString(-Math.max(cacheSizeKib, 64)));
        return p;
    }
}
