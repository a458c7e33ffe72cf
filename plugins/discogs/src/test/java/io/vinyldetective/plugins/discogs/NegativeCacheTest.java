package io.vinyldetective.plugins.discogs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class NegativeCacheTest {

    /** A clock the test moves. */
    static final class MovableClock extends Clock {
        private volatile Instant now = Instant.parse("2026-11-25T12:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final MovableClock clock = new MovableClock();

    @Test
    void anEntryLivesForItsTimeToLive() {
        NegativeCache cache = new NegativeCache(clock, Duration.ofHours(1), 10);
        cache.put("catno:X1");

        clock.advance(Duration.ofMinutes(59));
        assertTrue(cache.contains("catno:X1"));
        clock.advance(Duration.ofMinutes(1));
        assertFalse(cache.contains("catno:X1"));
        assertEquals(0, cache.size());
    }

    @Test
    void theOldestEntryGoesWhenFull() {
        NegativeCache cache = new NegativeCache(clock, Duration.ofHours(1), 2);
        cache.put("a");
        cache.put("b");
        cache.put("c");

        assertFalse(cache.contains("a"));
        assertTrue(cache.contains("b") && cache.contains("c"));
    }

    @Test
    void aZeroTimeToLiveRemembersNothing() {
        NegativeCache cache = new NegativeCache(clock, Duration.ZERO, 2);
        cache.put("a");

        assertFalse(cache.contains("a"));
    }
}
