package io.vinyldetective.plugins.discogs;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Remembers, for a while, the questions Discogs had no answer to (a catalog number nobody printed,
 * a release that is gone), so the same listing seen again costs no request. Bounded: the oldest
 * entry goes first when full. Thread-safe. A small map rather than Caffeine, which the engine keeps
 * to itself and which would add a shaded megabyte for a few thousand keys.
 */
final class NegativeCache {

    private final Clock clock;
    private final Duration ttl;
    private final int capacity;
    private final LinkedHashMap<String, Instant> expiries;

    NegativeCache(Clock clock, Duration ttl, int capacity) {
        this.clock = clock;
        this.ttl = ttl;
        this.capacity = capacity;
        this.expiries = new LinkedHashMap<>(64, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Instant> eldest) {
                return size() > NegativeCache.this.capacity;
            }
        };
    }

    /** Whether {@code key} was answered "nothing" less than the time-to-live ago. */
    synchronized boolean contains(String key) {
        Instant expiry = expiries.get(key);
        if (expiry == null) {
            return false;
        }
        if (!clock.instant().isBefore(expiry)) {
            expiries.remove(key);
            return false;
        }
        return true;
    }

    /** Records "nothing" for {@code key}; a zero time-to-live disables the cache. */
    synchronized void put(String key) {
        if (ttl.isZero() || ttl.isNegative()) {
            return;
        }
        expiries.remove(key);
        expiries.put(key, clock.instant().plus(ttl));
    }

    synchronized int size() {
        return expiries.size();
    }
}
