package io.vinyldetective.engine.demo;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The eBay and Discogs answers recorded for the demo, served on 127.0.0.1 (a free port) from the
 * classpath folder of this class: {@code routes.txt} maps requests to JSON files, so a recording is
 * added without code. Each API lives under its own path prefix ({@code /ebay}, {@code /discogs});
 * {@link #baseUrl} is what the plugin's {@code base-url} setting takes. Discogs answers carry its
 * rate-limit headers, counted over the last minute as Discogs does. A request no route knows gets
 * 404 with the API's error body ({@code <api>/not_found.json}). Thread-safe.
 */
public final class RecordedApis implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RecordedApis.class);

    static final String ROUTES = "routes.txt";
    /** Discogs' allowance for an authenticated client, per moving minute. */
    static final int DISCOGS_LIMIT = 60;
    private static final long MINUTE_NANOS = TimeUnit.MINUTES.toNanos(1);
    private static final int THREADS = 4;

    /** One line of {@code routes.txt}. */
    record Route(String method, String[] path, Map<String, String> query, int status, String file, byte[] body) {

        boolean matches(String requestMethod, String[] requestPath, Map<String, String> requestQuery) {
            if (!method.equals(requestMethod) || path.length != requestPath.length) {
                return false;
            }
            for (int i = 0; i < path.length; i++) {
                if (!path[i].equals("*") && !path[i].equals(requestPath[i])) {
                    return false;
                }
            }
            return query.entrySet().stream().allMatch(e -> e.getValue().equalsIgnoreCase(requestQuery.get(e.getKey())));
        }
    }

    private final List<Route> routes;
    private final Map<String, byte[]> notFound;
    private final HttpServer server;
    private final ExecutorService executor;
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final Deque<Long> discogsMinute = new ArrayDeque<>();

    private RecordedApis(List<Route> routes, Map<String, byte[]> notFound) throws IOException {
        this.routes = routes;
        this.notFound = notFound;
        this.executor = Executors.newFixedThreadPool(THREADS, task -> {
            Thread t = new Thread(task, "recorded-apis");
            t.setDaemon(true);
            return t;
        });
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        // The JDK server's dispatcher thread takes its daemon flag from the thread that starts it: started
        // from a daemon thread, a server someone forgot to close never keeps the JVM alive.
        Thread starter = new Thread(server::start, "recorded-apis-start");
        starter.setDaemon(true);
        starter.start();
        try {
            starter.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
            throw new InterruptedIOException("interrupted while starting the recorded APIs");
        }
    }

    /**
     * Loads the routes and every file they name, then starts serving.
     *
     * @throws IOException when a recording is missing or {@code routes.txt} has a bad line (named), or the
     *                     port cannot be opened
     */
    public static RecordedApis start() throws IOException {
        List<Route> routes = new ArrayList<>();
        Map<String, byte[]> notFound = new LinkedHashMap<>();
        String[] lines = new String(resource(ROUTES), StandardCharsets.UTF_8).split("\n");
        for (int n = 0; n < lines.length; n++) {
            String line = lines[n].strip();
            if (!line.isEmpty() && !line.startsWith("#")) {
                Route route = parse(line, n + 1);
                routes.add(route);
                String api = route.path()[0];
                if (!notFound.containsKey(api)) {
                    notFound.put(api, resource(api + "/not_found.json"));
                }
            }
        }
        RecordedApis apis = new RecordedApis(List.copyOf(routes), Map.copyOf(notFound));
        LOG.debug("Recorded APIs {} on {} ({} routes)", notFound.keySet(), apis.root(), routes.size());
        return apis;
    }

    /** {@code http://127.0.0.1:<port>/<api>}, for the plugin's {@code base-url}. */
    public String baseUrl(String api) {
        if (!notFound.containsKey(api)) {
            throw new IllegalArgumentException("no recordings for API '" + api + "' (have " + notFound.keySet() + ")");
        }
        return root() + "/" + api;
    }

    /** The requests answered so far, in order, as {@code GET /discogs/releases/3019967} (no query). */
    public List<String> requests() {
        return List.copyOf(requests);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private String root() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            exchange.getRequestBody().readAllBytes();
            URI uri = exchange.getRequestURI();
            String method = exchange.getRequestMethod();
            String[] path = segments(uri.getPath());
            Map<String, String> query = query(uri.getRawQuery());
            requests.add(method + " " + uri.getPath());
            Route route = routes.stream().filter(r -> r.matches(method, path, query)).findFirst().orElse(null);
            String api = path.length > 0 ? path[0] : "";
            int status;
            byte[] body;
            if (route != null) {
                status = route.status();
                body = route.body();
                LOG.debug("{} {} -> {} {}", method, uri.getPath(), status, route.file());
            } else {
                status = 404;
                body = notFound.getOrDefault(api, new byte[0]);
                LOG.debug("{} {}{} -> 404: no recording", method, uri.getPath(), masked(uri.getRawQuery()));
            }
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            if (api.equals("discogs")) {
                rateLimitHeaders(exchange);
            }
            exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        }
    }

    /** {@code X-Discogs-Ratelimit*}: this server's Discogs answers in the last minute count as used. */
    private void rateLimitHeaders(HttpExchange exchange) {
        long now = System.nanoTime();
        int used;
        synchronized (discogsMinute) {
            while (!discogsMinute.isEmpty() && now - discogsMinute.peekFirst() >= MINUTE_NANOS) {
                discogsMinute.pollFirst();
            }
            discogsMinute.addLast(now);
            used = Math.min(discogsMinute.size(), DISCOGS_LIMIT);
        }
        exchange.getResponseHeaders().set("X-Discogs-Media-Type", "discogs.v2");
        exchange.getResponseHeaders().set("X-Discogs-Ratelimit", String.valueOf(DISCOGS_LIMIT));
        exchange.getResponseHeaders().set("X-Discogs-Ratelimit-Used", String.valueOf(used));
        exchange.getResponseHeaders().set("X-Discogs-Ratelimit-Remaining", String.valueOf(DISCOGS_LIMIT - used));
    }

    /** {@code METHOD /api/path [k=v ...] -> status file}. */
    static Route parse(String line, int lineNumber) throws IOException {
        String[] sides = line.split("->");
        String[] request = sides[0].trim().split("\\s+");
        String[] answer = sides.length == 2 ? sides[1].trim().split("\\s+") : new String[0];
        if (request.length < 2 || answer.length != 2 || !request[1].matches("/[^/]+.*") || !answer[0].matches("\\d{3}")) {
            throw new IOException(ROUTES + " line " + lineNumber + ": expected 'METHOD /api/path [key=value ...] -> status file',"
                    + " got '" + line + "'");
        }
        Map<String, String> query = new LinkedHashMap<>();
        for (String pair : Arrays.copyOfRange(request, 2, request.length)) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new IOException(ROUTES + " line " + lineNumber + ": '" + pair + "' is not key=value");
            }
            query.put(decode(pair.substring(0, eq)), decode(pair.substring(eq + 1)));
        }
        return new Route(request[0], segments(request[1]), Map.copyOf(query), Integer.parseInt(answer[0]), answer[1],
                resource(answer[1]));
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = RecordedApis.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("recording missing from the classpath: " + RecordedApis.class.getPackageName()
                        .replace('.', '/') + "/" + name);
            }
            return in.readAllBytes();
        }
    }

    private static String[] segments(String path) {
        String p = path.startsWith("/") ? path.substring(1) : path;
        return p.isEmpty() ? new String[0] : p.split("/", -1);
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> q = new LinkedHashMap<>();
        if (raw != null && !raw.isEmpty()) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                q.putIfAbsent(decode(eq < 0 ? pair : pair.substring(0, eq)), eq < 0 ? "" : decode(pair.substring(eq + 1)));
            }
        }
        return q;
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }

    /** The query for a log line, with any token left out. */
    private static String masked(String rawQuery) {
        return rawQuery == null ? "" : "?" + rawQuery.replaceAll("(?i)(token=)[^&]*", "$1****");
    }
}
