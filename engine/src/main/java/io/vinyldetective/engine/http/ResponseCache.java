package io.vinyldetective.engine.http;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.vinyldetective.api.HttpCall;
import io.vinyldetective.api.HttpReply;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The transient response cache: 2xx answers to GET calls that ask for it ({@link HttpCall#cacheFor()}),
 * each kept for its own TTL, bounded by total body bytes. Keys hold a digest of the request headers,
 * never their values. Thread-safe.
 */
final class ResponseCache {

    /** Rough per-entry cost beyond the body, so that many empty bodies still count. */
    private static final int ENTRY_OVERHEAD = 256;

    private final Cache<Key, Entry> cache;
    private final long maxBytes;

    /** @param maxBytes total weight (body bytes plus a small overhead per entry); 0 disables caching */
    ResponseCache(long maxBytes) {
        this.maxBytes = maxBytes;
        this.cache = Caffeine.newBuilder()
                .maximumWeight(maxBytes)
                .weigher((Key k, Entry e) -> e.weight())
                .expireAfter(Expiry.creating((Key k, Entry e) -> e.ttl()))
                .build();
    }

    /** Whether an answer to this call may be looked up or stored at all. */
    static boolean appliesTo(HttpCall call) {
        return "GET".equalsIgnoreCase(call.method()) && call.cacheFor() != null
                && !call.cacheFor().isNegative() && !call.cacheFor().isZero();
    }

    /** A fresh cached answer, marked {@code fromCache}. */
    Optional<HttpReply> lookup(HttpCall call) {
        if (!appliesTo(call)) {
            return Optional.empty();
        }
        Entry e = cache.getIfPresent(Key.of(call));
        return e == null ? Optional.empty()
                : Optional.of(new HttpReply(e.reply().status(), e.reply().headers(), e.reply().body().clone(), true));
    }

    /** Keeps the answer if the call asks for caching, the answer is a 2xx and it fits in the cache at all. */
    void store(HttpCall call, HttpReply reply) {
        if (appliesTo(call) && reply.ok() && Entry.weigh(reply) <= maxBytes) {
            HttpReply copy = new HttpReply(reply.status(), reply.headers(), reply.body().clone(), false);
            cache.put(Key.of(call), new Entry(copy, call.cacheFor()));
        }
    }

    /** Method, full URI and a SHA-256 of the request headers. */
    private record Key(String method, String uri, String headerDigest) {

        static Key of(HttpCall call) {
            return new Key(call.method().toUpperCase(Locale.ROOT), call.uri().toString(), digest(call.headers()));
        }

        private static String digest(Map<String, String> headers) {
            Map<String, String> sorted = new TreeMap<>();
            headers.forEach((name, value) -> sorted.put(name.toLowerCase(Locale.ROOT), value));
            try {
                MessageDigest sha = MessageDigest.getInstance("SHA-256");
                sorted.forEach((name, value) -> {
                    sha.update(name.getBytes(StandardCharsets.UTF_8));
                    sha.update((byte) 0);
                    sha.update(value.getBytes(StandardCharsets.UTF_8));
                    sha.update((byte) '\n');
                });
                return HexFormat.of().formatHex(sha.digest());
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is required of every JVM", e);
            }
        }

        /** Keeps the URI (its query may carry a token) out of any log line. */
        @Override
        public String toString() {
            return "Key[" + method + ", " + headerDigest.substring(0, 12) + "]";
        }
    }

    private record Entry(HttpReply reply, Duration ttl) {

        int weight() {
            return (int) Math.min(Integer.MAX_VALUE, weigh(reply));
        }

        static long weigh(HttpReply reply) {
            return (long) reply.body().length + ENTRY_OVERHEAD;
        }
    }
}
