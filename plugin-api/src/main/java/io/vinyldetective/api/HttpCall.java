package io.vinyldetective.api;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One HTTP request for the {@link HttpGateway}. Immutable; the {@code with...} methods return copies.
 *
 * @param method      {@code GET}, {@code POST}, ...
 * @param uri         absolute URI
 * @param headers     request headers; never null
 * @param body        request body, or null
 * @param cacheFor    for a GET: keep a 2xx answer this long in the transient response cache; null for no caching
 * @param maxAttempts how many times to try before giving up (1 = no retry)
 * @param urgency     the order in which waiting requests are served under a rate limit
 */
public record HttpCall(String method, URI uri, Map<String, String> headers, byte[] body, Duration cacheFor,
                       int maxAttempts, Urgency urgency) {

    public HttpCall {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(urgency, "urgency");
        if (!uri.isAbsolute()) {
            throw new IllegalArgumentException("absolute URI required");
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
        headers = headers == null ? Map.of() : Map.copyOf(headers);
    }

    public static HttpCall get(URI uri) {
        return new HttpCall("GET", uri, Map.of(), null, null, 3, Urgency.LOOKUP);
    }

    public static HttpCall post(URI uri, String contentType, byte[] body) {
        return new HttpCall("POST", uri, Map.of("Content-Type", contentType), body, null, 3, Urgency.LOOKUP);
    }

    public HttpCall withHeader(String name, String value) {
        Map<String, String> h = new LinkedHashMap<>(headers);
        h.put(name, value);
        return new HttpCall(method, uri, h, body, cacheFor, maxAttempts, urgency);
    }

    public HttpCall withCacheFor(Duration ttl) {
        return new HttpCall(method, uri, headers, body, ttl, maxAttempts, urgency);
    }

    public HttpCall withMaxAttempts(int attempts) {
        return new HttpCall(method, uri, headers, body, cacheFor, attempts, urgency);
    }

    public HttpCall withUrgency(Urgency u) {
        return new HttpCall(method, uri, headers, body, cacheFor, maxAttempts, u);
    }

    /** Method, host and path only: what may be logged (no query string, no headers). */
    public String describe() {
        return method + " " + uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "") + uri.getRawPath();
    }
}
