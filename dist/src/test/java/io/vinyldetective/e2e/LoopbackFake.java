package io.vinyldetective.e2e;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * What the three loopback fakes share: a JDK HTTP server on 127.0.0.1 (any free port), every request
 * recorded as it arrived, and answers scripted per path prefix that go before the fake's normal
 * service (a 500 for the next two searches, one 429 ...). A fake's own bug is printed and answered
 * 599, so it cannot pass for a service error the daemon is expected to survive.
 */
public abstract class LoopbackFake implements AutoCloseable {

    /** One request as the fake saw it; header names in lower case. */
    public record Request(long nanos, String method, String path, String rawQuery, Map<String, String> query,
                   Map<String, String> headers, byte[] body) {

        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        public String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /** An answer. */
    record Reply(int status, Map<String, String> headers, byte[] body) {

        static Reply json(int status, String body) {
            return new Reply(status, Map.of("Content-Type", "application/json"), body.getBytes(StandardCharsets.UTF_8));
        }

        Reply withHeader(String name, String value) {
            Map<String, String> h = new LinkedHashMap<>(headers);
            h.put(name, value);
            return new Reply(status, Map.copyOf(h), body);
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "fake-" + getClass().getSimpleName());
        t.setDaemon(true);
        return t;
    });
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Map<String, Deque<Reply>> scripted = new ConcurrentHashMap<>();
    private final AtomicInteger scriptedServed = new AtomicInteger();
    private final AtomicLong lastRequestNanos = new AtomicLong(System.nanoTime());

    protected LoopbackFake() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(executor);
        server.createContext("/", this::dispatch);
        server.start();
    }

    /** {@code http://127.0.0.1:<port>}, no trailing slash. */
    public final String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The normal service of the fake. */
    protected abstract Reply answer(Request request) throws Exception;

    /** Whether a request is recorded; long polls that only wait may be left out by a fake. */
    protected boolean records(Request request) {
        return true;
    }

    /** The next requests whose path starts with {@code pathPrefix} get these answers, in order. */
    final void script(String pathPrefix, Reply... replies) {
        Deque<Reply> queue = scripted.computeIfAbsent(pathPrefix, p -> new ArrayDeque<>());
        synchronized (queue) {
            queue.addAll(List.of(replies));
        }
    }

    /** How many scripted answers are still waiting for a request. */
    final int scriptedPending() {
        int n = 0;
        for (Deque<Reply> queue : scripted.values()) {
            synchronized (queue) {
                n += queue.size();
            }
        }
        return n;
    }

    /** How many scripted answers were given. */
    final int scriptedServed() {
        return scriptedServed.get();
    }

    public final List<Request> requests() {
        return List.copyOf(requests);
    }

    public final List<Request> requests(Predicate<Request> filter) {
        return requests.stream().filter(filter).toList();
    }

    final long count(String pathPrefix) {
        return requests.stream().filter(r -> r.path().startsWith(pathPrefix)).count();
    }

    /** Milliseconds since the last request arrived (or since the fake started). */
    public final long quietMillis() {
        return (System.nanoTime() - lastRequestNanos.get()) / 1_000_000;
    }

    private void dispatch(HttpExchange exchange) {
        try (exchange) {
            long now = System.nanoTime();
            lastRequestNanos.set(now);
            URI uri = exchange.getRequestURI();
            Map<String, String> headers = new LinkedHashMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), String.join(",", v)));
            Request request = new Request(now, exchange.getRequestMethod(), uri.getRawPath(), uri.getRawQuery(),
                    query(uri.getRawQuery()), Map.copyOf(headers), exchange.getRequestBody().readAllBytes());
            if (records(request)) {
                requests.add(request);
            }
            Reply reply = scriptedFor(request.path());
            if (reply == null) {
                try {
                    reply = answer(request);
                } catch (Exception | AssertionError e) {
                    System.err.println(getClass().getSimpleName() + " failed on " + request.method() + " "
                            + request.path() + ": " + e);
                    e.printStackTrace();
                    reply = Reply.json(599, "{\"fake_error\":\"" + e.getClass().getSimpleName() + "\"}");
                }
            }
            reply.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
            exchange.sendResponseHeaders(reply.status(), reply.body().length == 0 ? -1 : reply.body().length);
            if (reply.body().length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(reply.body());
                }
            }
        } catch (IOException e) {
            // The client went away (a killed daemon, a timed-out call): nothing to answer.
        }
    }

    private Reply scriptedFor(String path) {
        for (Map.Entry<String, Deque<Reply>> e : scripted.entrySet()) {
            if (path.startsWith(e.getKey())) {
                synchronized (e.getValue()) {
                    Reply r = e.getValue().poll();
                    if (r != null) {
                        scriptedServed.incrementAndGet();
                        return r;
                    }
                }
            }
        }
        return null;
    }

    static Map<String, String> query(String raw) {
        Map<String, String> q = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return q;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String k = eq < 0 ? pair : pair.substring(0, eq);
            String v = eq < 0 ? "" : pair.substring(eq + 1);
            q.put(URLDecoder.decode(k, StandardCharsets.UTF_8), URLDecoder.decode(v, StandardCharsets.UTF_8));
        }
        return q;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
