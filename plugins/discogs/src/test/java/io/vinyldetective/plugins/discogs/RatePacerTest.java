package io.vinyldetective.plugins.discogs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vinyldetective.api.Budget;
import io.vinyldetective.api.HttpCall;
import io.vinyldetective.api.HttpGateway;
import io.vinyldetective.api.HttpReply;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RatePacerTest {

    private final List<Integer> limits = new ArrayList<>();
    private final AtomicLong nanos = new AtomicLong();
    private final HttpGateway gateway = new HttpGateway() {
        @Override
        public HttpReply send(HttpCall call) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void limitRate(String host, int requests, Duration per) {
            assertEquals("api.discogs.com", host);
            assertEquals(Duration.ofSeconds(63), per);
            limits.add(requests);
        }
    };
    private final RatePacer pacer = new RatePacer(gateway, "api.discogs.com", 50, Duration.ofMinutes(1),
            Clock.fixed(Instant.parse("2026-11-25T12:00:00Z"), ZoneOffset.UTC), nanos::get, System.getLogger("test"));

    private static HttpReply reply(String remaining) {
        return new HttpReply(200, remaining == null ? Map.of()
                : Map.of("X-Discogs-Ratelimit", List.of("60"), "X-Discogs-Ratelimit-Remaining", List.of(remaining)),
                new byte[0], false);
    }

    @Test
    void aloneOnTheAddressTheConfiguredLimitStays() {
        pacer.start();
        for (int i = 1; i <= 50; i++) {
            pacer.observe(reply(String.valueOf(60 - i)));
        }

        assertEquals(List.of(50), limits);
    }

    @Test
    void whenOthersUseTheAllowanceThePaceDropsAndComesBack() {
        pacer.start();
        for (int i = 1; i <= 10; i++) {
            pacer.observe(reply(String.valueOf(30 - i)));
        }
        assertEquals(60 - 30 - 3, pacer.currentLimit(), "others use 30 of 60; 3 kept in reserve");

        pacer.observe(reply("1"));
        assertEquals(60 - 48 - 3, pacer.currentLimit(), "others now use 60 - 1 - 11 = 48");

        pacer.observe(reply("40"));
        assertEquals(9, pacer.currentLimit(), "within the window, the most others used counts");

        nanos.addAndGet(Duration.ofMinutes(1).toNanos());
        pacer.observe(reply("59"));
        assertEquals(50, pacer.currentLimit());
        assertEquals(List.of(50, 27, 9, 50), limits);
    }

    @Test
    void zeroRemainingStillLetsOneThrough() {
        pacer.start();
        pacer.observe(reply("0"));

        assertEquals(1, pacer.currentLimit());
        assertEquals(new Budget(60, 0, Instant.parse("2026-11-25T12:01:00Z")), pacer.budget().orElseThrow());
    }

    @Test
    void answersWithoutHeadersOrFromTheCacheChangeNothing() {
        pacer.start();
        pacer.observe(reply(null));
        pacer.observe(reply("garbage"));
        pacer.observe(new HttpReply(200, Map.of("X-Discogs-Ratelimit-Remaining", List.of("0")), new byte[0], true));

        assertEquals(List.of(50), limits);
        assertTrue(pacer.budget().isEmpty());
    }
}
