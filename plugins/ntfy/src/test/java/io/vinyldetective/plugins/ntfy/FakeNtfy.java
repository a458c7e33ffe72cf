package io.vinyldetective.plugins.ntfy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
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
 * A loopback ntfy server, after ntfy's publish API (docs.ntfy.sh/publish): {@code POST /<topic>} with
 * the message as the body and Title, Priority, Tags, Click and Authorization headers, answered 200
 * with the message as JSON; errors scripted per request, shaped like ntfy's ({@code code}, {@code http},
 * {@code error}). Title headers in RFC 2047 encoded words are decoded as ntfy does.
 */
final class FakeNtfy implements AutoCloseable {

    /** One publish as the server saw it; header names in lower case. */
    record Publish(String method, String path, Map<String, String> headers, String body) {
        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    private record Answer(int status, Map<String, String> headers, String body) {
    }

    private final HttpServer server;
    private final List<Publish> published = new CopyOnWriteArrayList<>();
    private final Deque<Answer> script = new ArrayDeque<>();

    FakeNtfy() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    String origin() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    synchronized void answerNext(int status, String body, String... headers) {
        Map<String, String> h = new LinkedHashMap<>();
        for (int i = 0; i + 1 < headers.length; i += 2) {
            h.put(headers[i], headers[i + 1]);
        }
        script.add(new Answer(status, h, body));
    }

    /** ntfy's error body. */
    static String error(int status, int code, String text) {
        return "{\"code\":" + code + ",\"http\":" + status + ",\"error\":\"" + text + "\",\"link\":\"https://ntfy.sh/docs/\"}";
    }

    List<Publish> published() {
        return List.copyOf(published);
    }

    private void handle(HttpExchange exchange) throws IOException {
        Map<String, String> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), String.join(",", v)));
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        published.add(new Publish(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(), Map.copyOf(headers), body));
        Answer answer;
        synchronized (this) {
            answer = script.poll();
        }
        if (answer == null) {
            String topic = exchange.getRequestURI().getRawPath().substring(1);
            answer = new Answer(200, Map.of(), "{\"id\":\"hwQ2YpKdmg\",\"time\":1700000000,\"event\":\"message\",\"topic\":\""
                    + topic + "\",\"message\":\"...\"}");
        }
        answer.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
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
