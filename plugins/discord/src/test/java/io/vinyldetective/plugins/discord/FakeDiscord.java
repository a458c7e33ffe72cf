package io.vinyldetective.plugins.discord;

import com.fasterxml.jackson.jr.ob.JSON;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A loopback Discord webhook endpoint, after Discord's "Execute Webhook" and rate-limit documentation:
 * {@code POST /api/webhooks/<id>/<token>} with a JSON body, answered 204 No Content; errors scripted
 * per request with Discord's JSON error shape ({@code message}, {@code code}) and, for a 429,
 * {@code retry_after} (seconds, with a fraction), {@code global} and the {@code Retry-After} header.
 */
final class FakeDiscord implements AutoCloseable {

    /** One execution as the server saw it. */
    record Post(String path, String contentType, String body) {
        @SuppressWarnings("unchecked")
        Map<String, Object> json() {
            try {
                return (Map<String, Object>) JSON.std.anyFrom(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private record Answer(int status, Map<String, String> headers, String body) {
    }

    private final HttpServer server;
    private final List<Post> posts = new CopyOnWriteArrayList<>();
    private final Deque<Answer> script = new ArrayDeque<>();

    FakeDiscord() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    synchronized void answerNext(int status, String body, String... headers) {
        Map<String, String> h = new LinkedHashMap<>();
        for (int i = 0; i + 1 < headers.length; i += 2) {
            h.put(headers[i], headers[i + 1]);
        }
        script.add(new Answer(status, h, body));
    }

    void rateLimitNext(double retryAfter, boolean global) {
        answerNext(429, "{\"message\":\"You are being rate limited.\",\"retry_after\":" + retryAfter + ",\"global\":" + global + "}",
                "Retry-After", String.valueOf((long) Math.ceil(retryAfter)), "X-RateLimit-Scope", global ? "global" : "user");
    }

    void errorNext(int status, int code, String message) {
        answerNext(status, "{\"message\":\"" + message + "\",\"code\":" + code + "}");
    }

    List<Post> posts() {
        return List.copyOf(posts);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        posts.add(new Post(exchange.getRequestURI().getRawPath(), exchange.getRequestHeaders().getFirst("Content-Type"), body));
        Answer answer;
        synchronized (this) {
            answer = script.poll();
        }
        if (answer == null) {
            answer = exchange.getRequestURI().getRawPath().toLowerCase(Locale.ROOT).startsWith("/api/webhooks/")
                    ? new Answer(204, Map.of(), "") : new Answer(404, Map.of(), "{\"message\": \"404: Not Found\", \"code\": 0}");
        }
        answer.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
        byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
        if (bytes.length > 0) {
            exchange.getResponseHeaders().set("Content-Type", "application/json");
        }
        exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
