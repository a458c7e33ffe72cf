package io.vinyldetective.engine.http;

import io.vinyldetective.api.HttpCall;
import io.vinyldetective.api.HttpReply;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ResponseCacheTest {

    private static final HttpCall CALL = HttpCall.get(URI.create("https://api.example.test/releases/1?token=abc"))
            .withCacheFor(Duration.ofMinutes(1));

    @Test
    void aHitIsACopyMarkedFromCache() {
        ResponseCache cache = new ResponseCache(1024 * 1024);
        cache.store(CALL, new HttpReply(200, Map.of(), new byte[]{1, 2, 3}, false));

        HttpReply hit = cache.lookup(CALL).orElseThrow();
        hit.body()[0] = 9;

        assertTrue(hit.fromCache());
        assertArrayEquals(new byte[]{1, 2, 3}, cache.lookup(CALL).orElseThrow().body());
    }

    @Test
    void theQueryIsPartOfTheKey() {
        ResponseCache cache = new ResponseCache(1024 * 1024);
        cache.store(CALL, new HttpReply(200, Map.of(), new byte[1], false));

        HttpCall other = HttpCall.get(URI.create("https://api.example.test/releases/1?token=xyz"))
                .withCacheFor(Duration.ofMinutes(1));

        assertFalse(cache.lookup(other).isPresent());
    }

    @Test
    void onlyGetsThatAskForItAreCached() {
        assertTrue(ResponseCache.appliesTo(CALL));
        assertFalse(ResponseCache.appliesTo(HttpCall.get(CALL.uri())));
        assertFalse(ResponseCache.appliesTo(CALL.withCacheFor(Duration.ZERO)));
        assertFalse(ResponseCache.appliesTo(HttpCall.post(CALL.uri(), "text/plain", new byte[0])
                .withCacheFor(Duration.ofMinutes(1))));
    }

    @Test
    void anAnswerLargerThanTheCacheIsNotKept() {
        ResponseCache cache = new ResponseCache(1000);
        cache.store(CALL, new HttpReply(200, Map.of(), new byte[2000], false));

        assertFalse(cache.lookup(CALL).isPresent());
    }
}
