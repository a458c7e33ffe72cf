package io.vinyldetective.plugins.discogs;

import com.fasterxml.jackson.jr.ob.JSON;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.vinyldetective.api.CatalogKeys;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Discogs API on 127.0.0.1 built from the recorded answers in {@code shared/api/discogs/} (and the
 * few documented gaps in {@code testcases/}). It checks the token, enforces a moving-window rate limit
 * with the {@code X-Discogs-Ratelimit*} headers and a 429 beyond it, and records every request.
 *
 * <p>Search: the recorded pages answer the queries they were recorded for ({@code catno=APW-2},
 * {@code artist=nirvana&release_title=nevermind}); other queries are answered from the recorded
 * releases it serves, as search results of the documented shape. Catalog numbers {@code SYN-<n>} name
 * a synthetic release (release 8138518 under id {@code 900000+n}), for load runs.
 */
final class FakeDiscogs implements AutoCloseable {

    static final String TOKEN = "test-token-0123456789";
    static final String TOO_MANY = "{\"message\": \"You are making requests too quickly.\"}";
    private static final Pattern RELEASE = Pattern.compile("/releases/(\\d+)");
    private static final Pattern STATS = Pattern.compile("/marketplace/stats/(\\d+)");
    private static final Pattern SUGGESTIONS = Pattern.compile("/marketplace/price_suggestions/(\\d+)");
    private static final Pattern SYNTHETIC = Pattern.compile("SYN-(\\d+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern WANTS = Pattern.compile("/users/([^/]+)/wants");
    private static final Pattern VERSIONS = Pattern.compile("/masters/(\\d+)/versions");
    /** What Discogs answers for another user's private wantlist (as client libraries report it). */
    static final String NOT_OWNER = "{\"message\": \"You are not allowed to view this resource. Please authenticate as"
            + " the owner to view this content.\"}";
    /** An unknown user: the documented 404 shape; the wording is not recorded. */
    static final String NO_USER = "{\"message\": \"User does not exist or may have been deleted.\"}";
    private static final long SYNTHETIC_BASE = 900_000;

    /** A request as the fake saw it; {@code nanos} is {@link System#nanoTime} at arrival. */
    record Seen(long nanos, String path, Map<String, String> query, String authorization, String userAgent,
                String accept, int status) {
    }

    /** A scripted answer. */
    record Scripted(int status, Map<String, String> headers, byte[] body) {
        static Scripted of(int status, String body) {
            return new Scripted(status, Map.of(), body.getBytes(StandardCharsets.UTF_8));
        }

        Scripted withHeader(String name, String value) {
            Map<String, String> h = new LinkedHashMap<>(headers);
            h.put(name, value);
            return new Scripted(status, h, body);
        }
    }

    enum Suggestions { RECORDED, EMPTY, FORBIDDEN, ODD_KEYS, OTHER_CURRENCY }

    enum Stats { RECORDED, NONE_FOR_SALE }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(8);
    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    private final Map<String, Queue<Scripted>> script = new ConcurrentHashMap<>();
    private final Map<Long, byte[]> releases = new LinkedHashMap<>();
    private final ArrayDeque<Long> window = new ArrayDeque<>();
    private final List<Long> accepted = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger tooMany = new AtomicInteger();
    private volatile int limit = 60;
    private volatile long windowNanos = Duration.ofMinutes(1).toNanos();
    private volatile int externalUse;
    private volatile Suggestions suggestions = Suggestions.RECORDED;
    private volatile Stats stats = Stats.RECORDED;
    private final Map<String, List<Map<String, Object>>> wantlists = new ConcurrentHashMap<>();
    private final java.util.Set<String> privateLists = ConcurrentHashMap.newKeySet();
    private final Map<Long, List<Map<String, Object>>> masters = new ConcurrentHashMap<>();

    private FakeDiscogs() throws IOException {
        for (String file : List.of("discogs_official_docs_release_249504.json", "discogs_release_71989_peacefixation.json",
                "discogs_release_8138518_go-discogs.json", "discogs_release_10507194_peacefixation.json")) {
            addRelease(recorded(file));
        }
        addRelease(testcase("release_3019961_from_dump.json"));
        addRelease(testcase("release_7698059_from_dump.json"));
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    static FakeDiscogs start() throws IOException {
        return new FakeDiscogs();
    }

    /** The folder with the recorded API answers: {@code vd.shared.dir}, else {@code ../../../shared}. */
    static Path sharedDir() {
        String dir = System.getProperty("vd.shared.dir");
        Path path = dir != null && !dir.isBlank() ? Path.of(dir) : Path.of("../../../shared");
        return path.toAbsolutePath().normalize();
    }

    static byte[] recorded(String name) {
        try {
            return Files.readAllBytes(sharedDir().resolve("api/discogs").resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException("recorded Discogs answer missing (is vd.shared.dir set?): " + name, e);
        }
    }

    static byte[] testcase(String name) {
        try (InputStream in = FakeDiscogs.class.getResourceAsStream("/testcases/" + name)) {
            if (in == null) {
                throw new IllegalStateException("no test case " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Enforces at most {@code requests} per {@code per} (a moving window), like Discogs' 60 per minute. */
    FakeDiscogs limit(int requests, Duration per) {
        this.limit = requests;
        this.windowNanos = per.toNanos();
        return this;
    }

    /** Pretends another program on the same address uses this many requests of every window. */
    FakeDiscogs externalUse(int requests) {
        this.externalUse = requests;
        return this;
    }

    FakeDiscogs suggestions(Suggestions mode) {
        this.suggestions = mode;
        return this;
    }

    /**
     * Gives {@code username} a wantlist of {@code count} entries shaped like the documented example's
     * first one, release ids {@code firstId} up, each with its own title, artist, catalog number and
     * {@code master_id} (as current answers carry it). The documented user {@code example} has the
     * documented list.
     */
    @SuppressWarnings("unchecked")
    FakeDiscogs wantlist(String username, long firstId, int count) {
        Map<String, Object> template = (Map<String, Object>) ((List<Object>) DocsExample.body("/users/{username}/wants")
                .get("wants")).get(0);
        List<Map<String, Object>> wants = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Map<String, Object> want = copy(template);
            Map<String, Object> basic = (Map<String, Object>) want.get("basic_information");
            long id = firstId + i;
            want.put("id", id);
            want.put("resource_url", "https://api.discogs.com/users/" + username + "/wants/" + id);
            basic.put("id", id);
            basic.put("title", "Wanted Title " + i);
            basic.put("master_id", 50_000 + i);
            basic.put("resource_url", "https://api.discogs.com/releases/" + id);
            ((Map<String, Object>) ((List<Object>) basic.get("artists")).get(0)).put("name", "Wanted Artist " + i);
            ((Map<String, Object>) ((List<Object>) basic.get("labels")).get(0)).put("catno", "WNT-" + i);
            wants.add(want);
        }
        wantlists.put(username.toLowerCase(Locale.ROOT), wants);
        return this;
    }

    /** Drops entries from a wantlist given with {@link #wantlist}, by release id. */
    FakeDiscogs unwant(String username, long... releaseIds) {
        List<Long> ids = java.util.Arrays.stream(releaseIds).boxed().toList();
        wantlists.get(username.toLowerCase(Locale.ROOT)).removeIf(w -> ids.contains(((Number) w.get("id")).longValue()));
        return this;
    }

    /** Makes {@code username}'s wantlist private: only its owner may read it. */
    FakeDiscogs privateWantlist(String username) {
        privateLists.add(username.toLowerCase(Locale.ROOT));
        return this;
    }

    /** Gives a master the documented example's versions (master 1000 has them already). */
    FakeDiscogs master(long masterId, List<Map<String, Object>> versions) {
        masters.put(masterId, versions);
        return this;
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> documentedVersions() {
        return (List<Map<String, Object>>) (List<?>) DocsExample.body("/masters/{master_id}/versions").get("versions");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> copy(Map<String, Object> map) {
        try {
            return JSON.std.mapFrom(JSON.std.asString(map));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    FakeDiscogs stats(Stats mode) {
        this.stats = mode;
        return this;
    }

    /** Answers the next requests whose path starts with {@code pathPrefix} with these, in order. */
    FakeDiscogs then(String pathPrefix, Scripted... answers) {
        script.computeIfAbsent(pathPrefix, p -> new ConcurrentLinkedQueue<>()).addAll(List.of(answers));
        return this;
    }

    List<Seen> seen() {
        return List.copyOf(seen);
    }

    int hits() {
        return seen.size();
    }

    int hits(String pathPrefix) {
        return (int) seen.stream().filter(s -> s.path().startsWith(pathPrefix)).count();
    }

    /** How many 429s the fake's own limit gave (scripted ones not counted). */
    int tooMany() {
        return tooMany.get();
    }

    /** Arrival times in ms since the first request, with the status given, for failure messages. */
    String arrivals() {
        List<Seen> all = seen();
        if (all.isEmpty()) {
            return "no requests";
        }
        long first = all.stream().mapToLong(Seen::nanos).min().orElse(0);
        return all.stream().sorted(java.util.Comparator.comparingLong(Seen::nanos))
                .map(s -> (s.nanos() - first) / 1_000_000 + "ms:" + s.status()).toList().toString();
    }

    /** The most requests the fake accepted within any one window. */
    int mostInAnyWindow() {
        List<Long> times;
        synchronized (accepted) {
            times = new ArrayList<>(accepted);
        }
        Collections.sort(times);
        int most = 0;
        for (int i = 0, j = 0; i < times.size(); i++) {
            while (times.get(i) - times.get(j) >= windowNanos) {
                j++;
            }
            most = Math.max(most, i - j + 1);
        }
        return most;
    }

    private void addRelease(byte[] json) {
        try {
            Map<String, Object> map = JSON.std.mapFrom(json);
            releases.put(((Number) map.get("id")).longValue(), json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        long now = System.nanoTime();
        URI uri = exchange.getRequestURI();
        String path = uri.getRawPath();
        Map<String, String> query = query(uri.getRawQuery());
        String auth = exchange.getRequestHeaders().getFirst("Authorization");
        Scripted answer;
        int used;
        synchronized (window) {
            while (!window.isEmpty() && now - window.peekFirst() >= windowNanos) {
                window.pollFirst();
            }
            if (window.size() + externalUse >= limit) {
                tooMany.incrementAndGet();
                answer = Scripted.of(429, TOO_MANY);
            } else {
                window.addLast(now);
                accepted.add(now);
                answer = null;
            }
            used = window.size() + externalUse;
        }
        if (answer == null) {
            answer = answer(path, query, auth);
        }
        seen.add(new Seen(now, path, query, auth, exchange.getRequestHeaders().getFirst("User-Agent"),
                exchange.getRequestHeaders().getFirst("Accept"), answer.status()));
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.getResponseHeaders().add("X-Discogs-Ratelimit", String.valueOf(limit));
        exchange.getResponseHeaders().add("X-Discogs-Ratelimit-Used", String.valueOf(Math.min(used, limit)));
        exchange.getResponseHeaders().add("X-Discogs-Ratelimit-Remaining", String.valueOf(Math.max(0, limit - used)));
        answer.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
        exchange.sendResponseHeaders(answer.status(), answer.body().length == 0 ? -1 : answer.body().length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(answer.body());
        }
    }

    private Scripted answer(String path, Map<String, String> query, String auth) {
        if (!("Discogs token=" + TOKEN).equals(auth)) {
            return Scripted.of(401, "{\"message\": \"You must authenticate to access this resource.\"}");
        }
        for (Map.Entry<String, Queue<Scripted>> e : script.entrySet()) {
            if (path.startsWith(e.getKey())) {
                Scripted next = e.getValue().poll();
                if (next != null) {
                    return next;
                }
            }
        }
        Matcher m;
        if ((m = WANTS.matcher(path)).matches()) {
            return wants(URLDecoder.decode(m.group(1), StandardCharsets.UTF_8), query);
        }
        if ((m = VERSIONS.matcher(path)).matches()) {
            long master = Long.parseLong(m.group(1));
            List<Map<String, Object>> versions = master == 1000 ? documentedVersions() : masters.get(master);
            return versions == null ? Scripted.of(404, "{\"message\": \"Master Release not found.\"}")
                    : page("versions", versions, query);
        }
        if (path.equals("/database/search")) {
            return new Scripted(200, Map.of(), search(query));
        }
        if ((m = RELEASE.matcher(path)).matches()) {
            byte[] release = release(Long.parseLong(m.group(1)));
            return release == null ? new Scripted(404, Map.of(), recorded("discogs_official_docs_release_404.json"))
                    : new Scripted(200, Map.of(), release);
        }
        if ((m = STATS.matcher(path)).matches()) {
            if (release(Long.parseLong(m.group(1))) == null) {
                return new Scripted(404, Map.of(), recorded("discogs_official_docs_release_404.json"));
            }
            return new Scripted(200, Map.of(), stats == Stats.RECORDED
                    ? recorded("discogs_official_docs_marketplace_stats_release_1.json")
                    : testcase("marketplace_stats_none_for_sale.json"));
        }
        if (SUGGESTIONS.matcher(path).matches()) {
            switch (suggestions) {
                case EMPTY:
                    return Scripted.of(200, "{}");
                case FORBIDDEN:
                    return Scripted.of(403, "{\"message\": \"You must fill out your seller settings first.\"}");
                case ODD_KEYS:
                    return new Scripted(200, Map.of(), testcase("price_suggestions_odd_keys.json"));
                case OTHER_CURRENCY:
                    return new Scripted(200, Map.of(), recorded("discogs_price_suggestions_go-discogs.json"));
                default:
                    return new Scripted(200, Map.of(), recorded("discogs_official_docs_price_suggestions_release_1.json"));
            }
        }
        return Scripted.of(404, "{\"message\": \"The requested resource was not found.\"}");
    }

    private Scripted wants(String username, Map<String, String> query) {
        String key = username.toLowerCase(Locale.ROOT);
        if (privateLists.contains(key)) {
            return Scripted.of(403, NOT_OWNER);
        }
        if (key.equals("example")) {
            try {
                return new Scripted(200, Map.of(), JSON.std.asBytes(DocsExample.body("/users/{username}/wants")));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        List<Map<String, Object>> wants = wantlists.get(key);
        return wants == null ? Scripted.of(404, NO_USER) : page("wants", List.copyOf(wants), query);
    }

    /** One page of a list in the documented envelope: {@code pagination} and the entries under {@code name}. */
    private static Scripted page(String name, List<Map<String, Object>> all, Map<String, String> query) {
        int perPage = Math.max(1, Math.min(100, Integer.parseInt(query.getOrDefault("per_page", "50"))));
        int page = Math.max(1, Integer.parseInt(query.getOrDefault("page", "1")));
        int pages = Math.max(1, (all.size() + perPage - 1) / perPage);
        Map<String, Object> pagination = new LinkedHashMap<>();
        pagination.put("per_page", perPage);
        pagination.put("pages", pages);
        pagination.put("page", page);
        pagination.put("items", all.size());
        pagination.put("urls", page < pages ? Map.of("next", "https://api.discogs.com/...&page=" + (page + 1)) : Map.of());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("pagination", pagination);
        int from = Math.min(all.size(), (page - 1) * perPage);
        body.put(name, all.subList(from, Math.min(all.size(), from + perPage)));
        try {
            return new Scripted(200, Map.of(), JSON.std.asBytes(body));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private byte[] release(long id) {
        if (releases.containsKey(id)) {
            return releases.get(id);
        }
        if (id >= SYNTHETIC_BASE && id < 2 * SYNTHETIC_BASE) {
            return synthetic(id - SYNTHETIC_BASE);
        }
        return null;
    }

    /** Release 8138518 as release {@code 900000+n} with catalog number {@code SYN-n}. */
    private byte[] synthetic(long n) {
        try {
            Map<String, Object> map = JSON.std.mapFrom(releases.get(8138518L));
            map.put("id", SYNTHETIC_BASE + n);
            @SuppressWarnings("unchecked")
            Map<String, Object> label = (Map<String, Object>) ((List<Object>) map.get("labels")).get(0);
            label.put("catno", "SYN-" + n);
            return JSON.std.asBytes(map);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private byte[] search(Map<String, String> query) {
        String catno = query.get("catno");
        String artist = query.getOrDefault("artist", "").toLowerCase(Locale.ROOT);
        String title = query.getOrDefault("release_title", "").toLowerCase(Locale.ROOT);
        if ("APW-2".equalsIgnoreCase(catno)) {
            return recorded("discogs_search_djhealer_peacefixation.json");
        }
        if (artist.equals("nirvana") && title.equals("nevermind")) {
            return recorded("discogs_official_docs_search_nevermind.json");
        }
        List<Map<String, Object>> results = new ArrayList<>();
        try {
            Matcher synthetic = catno == null ? null : SYNTHETIC.matcher(catno.strip());
            if (synthetic != null && synthetic.matches()) {
                results.add(searchResult(JSON.std.mapFrom(synthetic(Long.parseLong(synthetic.group(1))))));
            }
            for (byte[] json : releases.values()) {
                Map<String, Object> release = JSON.std.mapFrom(json);
                if (matches(release, query)) {
                    results.add(searchResult(release));
                }
            }
            Map<String, Object> pagination = new LinkedHashMap<>();
            pagination.put("page", 1);
            pagination.put("pages", results.isEmpty() ? 0 : 1);
            pagination.put("per_page", Integer.parseInt(query.getOrDefault("per_page", "50")));
            pagination.put("items", results.size());
            pagination.put("urls", Map.of());
            Map<String, Object> page = new LinkedHashMap<>();
            page.put("pagination", pagination);
            page.put("results", results);
            return JSON.std.asBytes(page);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static boolean matches(Map<String, Object> release, Map<String, String> query) {
        if (query.containsKey("catno")) {
            String key = CatalogKeys.catalogNumber(query.get("catno"));
            return key != null && ((List<Map<String, Object>>) release.get("labels")).stream()
                    .anyMatch(l -> key.equals(CatalogKeys.catalogNumber((String) l.get("catno"))));
        }
        if (query.containsKey("barcode")) {
            String key = CatalogKeys.barcode(query.get("barcode"));
            return key != null && ((List<Map<String, Object>>) release.get("identifiers")).stream()
                    .anyMatch(i -> "Barcode".equals(i.get("type")) && key.equals(CatalogKeys.barcode((String) i.get("value"))));
        }
        if (query.containsKey("artist") || query.containsKey("release_title")) {
            String artist = query.getOrDefault("artist", "").toLowerCase(Locale.ROOT);
            String title = query.getOrDefault("release_title", "").toLowerCase(Locale.ROOT);
            String artists = ((List<Map<String, Object>>) release.get("artists")).stream()
                    .map(a -> String.valueOf(a.get("name")).toLowerCase(Locale.ROOT)).reduce("", String::concat);
            return artists.contains(artist) && String.valueOf(release.get("title")).toLowerCase(Locale.ROOT).contains(title);
        }
        return false;
    }

    /** A release as one {@code /database/search} result (documented fields; see the recorded pages). */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> searchResult(Map<String, Object> release) {
        List<Map<String, Object>> labels = (List<Map<String, Object>>) release.get("labels");
        List<Map<String, Object>> formats = (List<Map<String, Object>>) release.get("formats");
        List<Map<String, Object>> artists = (List<Map<String, Object>>) release.get("artists");
        List<String> format = new ArrayList<>();
        for (Map<String, Object> f : formats) {
            format.add((String) f.get("name"));
            format.addAll((List<String>) f.getOrDefault("descriptions", List.of()));
        }
        List<String> barcodes = new ArrayList<>();
        for (Map<String, Object> i : (List<Map<String, Object>>) release.getOrDefault("identifiers", List.of())) {
            if ("Barcode".equals(i.get("type")) || "Matrix / Runout".equals(i.get("type"))) {
                barcodes.add((String) i.get("value"));
            }
        }
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("country", release.get("country"));
        r.put("year", String.valueOf(release.get("year")));
        r.put("format", format);
        r.put("label", labels.stream().map(l -> l.get("name")).distinct().toList());
        r.put("type", "release");
        r.put("id", release.get("id"));
        r.put("barcode", barcodes);
        if (release.get("master_id") != null) {
            r.put("master_id", release.get("master_id"));
        }
        r.put("catno", labels.get(0).get("catno"));
        r.put("title", artists.get(0).get("name") + " - " + release.get("title"));
        r.put("resource_url", "https://api.discogs.com/releases/" + release.get("id"));
        return r;
    }

    private static Map<String, String> query(String raw) {
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
