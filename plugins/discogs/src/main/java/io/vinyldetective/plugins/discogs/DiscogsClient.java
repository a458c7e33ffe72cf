package io.vinyldetective.plugins.discogs;

import io.vinyldetective.api.HttpCall;
import io.vinyldetective.api.HttpGateway;
import io.vinyldetective.api.HttpReply;
import io.vinyldetective.api.PluginException;
import io.vinyldetective.api.Urgency;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.StringJoiner;

/**
 * GET requests to the Discogs API through the engine's gateway: token, User-Agent and Accept on
 * every call, the caller's urgency (the gateway serves waiting requests by it), the pacer told of
 * every answer. A cached answer that is not JSON is fetched again without the cache. Statuses become {@link Answer}s; what cannot be used becomes the plugin exception
 * that says what to do: 401 is {@link PluginException.RetryLater} (an hour: fix the token), a body
 * that is not JSON or another 4xx is {@link PluginException.BadItem}. The gateway itself retries
 * 429 and 5xx and throws {@code RetryLater} when it gives up. Never logs the token or a query.
 */
final class DiscogsClient {

    static final String ACCEPT = "application/vnd.discogs.v2.discogs+json";

    private final HttpGateway http;
    private final URI base;
    private final String authorization;
    private final String userAgent;
    private final RatePacer pacer;

    DiscogsClient(HttpGateway http, URI base, String token, String userAgent, RatePacer pacer) {
        this.http = http;
        this.base = base;
        this.authorization = "Discogs token=" + token;
        this.userAgent = userAgent;
        this.pacer = pacer;
    }

    /** What Discogs answered: a JSON object (200), or only the status (403, 404). */
    record Answer(int status, JsonDoc json) {
        boolean ok() {
            return status == 200 && json != null;
        }
    }

    /**
     * Sends {@code GET base + path ? query}.
     *
     * @param cacheFor how long the gateway may answer the same call from its cache; null for never
     */
    Answer get(String path, Map<String, String> query, Urgency urgency, Duration cacheFor) {
        HttpCall call = HttpCall.get(uri(path, query))
                .withHeader("Authorization", authorization)
                .withHeader("User-Agent", userAgent)
                .withHeader("Accept", ACCEPT)
                .withUrgency(urgency)
                .withMaxAttempts(5);
        if (cacheFor != null && !cacheFor.isZero()) {
            call = call.withCacheFor(cacheFor);
        }
        HttpReply reply = http.send(call);
        pacer.observe(reply);
        if (reply.status() == 200 && reply.fromCache() && !parses(reply)) {
            // A bad page the cache kept: ask Discogs itself (the cache cannot be told to forget it).
            reply = http.send(call.withCacheFor(null));
            pacer.observe(reply);
        }
        switch (reply.status()) {
            case 200:
                try {
                    return new Answer(200, JsonDoc.parse(reply.body()));
                } catch (JsonDoc.MalformedJson e) {
                    throw new PluginException.BadItem("Discogs " + path + " answered 200 with " + e.getMessage()
                            + ": skipped");
                }
            case 403:
            case 404:
                return new Answer(reply.status(), null);
            case 401:
                throw new PluginException.RetryLater("Discogs refused the token (HTTP 401): check plugins.discogs.token"
                        + " (DISCOGS_TOKEN)", Duration.ofHours(1));
            default:
                throw new PluginException.BadItem("Discogs " + path + " answered HTTP " + reply.status()
                        + message(reply) + ": skipped");
        }
    }

    private static boolean parses(HttpReply reply) {
        try {
            JsonDoc.parse(reply.body());
            return true;
        } catch (JsonDoc.MalformedJson e) {
            return false;
        }
    }

    /** Discogs' error text ({@code {"message": "..."}}), short, for a log line. */
    private static String message(HttpReply reply) {
        try {
            String m = JsonDoc.parse(reply.body()).string("message");
            return m == null ? "" : " (" + (m.length() > 80 ? m.substring(0, 80) + "…" : m) + ")";
        } catch (JsonDoc.MalformedJson notJson) {
            return "";
        }
    }

    private URI uri(String path, Map<String, String> query) {
        StringBuilder sb = new StringBuilder(base.toString()).append(path);
        if (!query.isEmpty()) {
            StringJoiner params = new StringJoiner("&");
            query.forEach((k, v) -> params.add(encode(k) + "=" + encode(v)));
            sb.append('?').append(params);
        }
        return URI.create(sb.toString());
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
