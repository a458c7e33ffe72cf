package io.vinyldetective.api;

import java.util.Optional;

/**
 * A plugin's own small, durable key-value store: counters (API calls per day) and short texts
 * (a cursor, a "stopped until" marker). Each plugin sees only its own keys. The engine keeps them
 * in its database, so they survive restarts; every operation is atomic. Not meant for bulk data.
 *
 * <p>Keys are at most 200 characters. Thread-safe.
 *
 * @since 1.1.0
 */
public interface PluginStore {

    /**
     * Adds {@code by} (may be negative) to the counter {@code key}, creating it at zero first.
     *
     * @return the counter's new value
     */
    long increment(String key, long by);

    /** The counter {@code key}; zero when it does not exist. */
    long counter(String key);

    /** The text stored under {@code key}, if any. */
    Optional<String> text(String key);

    /** Stores a text under {@code key}, replacing what was there. */
    void putText(String key, String value);

    /** Removes {@code key} (counter and text); nothing happens when it does not exist. */
    void remove(String key);

    /** A store that keeps everything in memory, lost at exit: for tests and tools. */
    static PluginStore inMemory() {
        return new InMemoryPluginStore();
    }
}
