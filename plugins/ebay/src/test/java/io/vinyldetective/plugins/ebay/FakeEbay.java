package io.vinyldetective.plugins.ebay;

import com.fasterxml.jackson.jr.ob.JSON;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A loopback eBay: the OAuth token endpoint, search and getItem, answering with the recorded responses
 * in {@code ../shared/api/ebay/} (field shapes kept; titles and categories rewritten to records) and the
 * error bodies of the wire notes and the OpenAPI contract. Tests script answers, read what was asked,
 * and revoke tokens.
 */
final class FakeEbay implements AutoCloseable {

    static final String APP_ID = "APPID-fake-PRD-1234";
    static final String CERT_ID = "PRD-certsecret-5678";
    static final String RECORDS = "176985";

    /** One request as the fake saw it. */
    record Seen(String method, String path, Map<String, String> query, Map<String, String> headers, String body) {
        String header(String name) {
            return headers.get(name.toLowerCase());
        }
    }

    /** A scripted answer. */
    record Answer(int status, String body, long delayMillis) {
        static Answer of(int status, String body) {
            return new Answer(status, body, 0);
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    private final Map<String, Deque<Answer>> scripted = new ConcurrentHashMap<>();
    private final Map<Integer, Deque<Answer>> pages = new ConcurrentHashMap<>();
    private final Set<String> validTokens = ConcurrentHashMap.newKeySet();
    private final List<Object> catalog = new CopyOnWriteArrayList<>();
    private final Map<String, Object> recordedItem;
    private volatile int tokenLifetimeSeconds = 7200;
    private int tokensIssued;

    FakeEbay() throws IOException {
        recordedItem = load("ebay_gpuagent_api-browse-getItem-296057072805.response.json");
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    // ---- the recorded material ----

    static Path sharedEbay() {
        String dir = System.getProperty("vd.shared.dir");
        if (dir == null) {
            throw new IllegalStateException("system property vd.shared.dir is not set (Surefire sets it)");
        }
        return Path.of(dir, "api", "ebay");
    }

    static Map<String, Object> load(String file) throws IOException {
        return JSON.std.mapFrom(Files.readString(sharedEbay().resolve(file)));
    }

    /** An error body from ebay_wire_notes.json ({@code errors_observed.<name>}). */
    static String wireError(String name) throws IOException {
        Map<String, Object> notes = load("ebay_wire_notes.json");
        return JSON.std.asString(Json.object(Json.cast(notes.get("errors_observed")), name));
    }

    /** The contract's error for a response of search, e.g. 500 / 12000, as an eBay error body. */
    static String contractError(String status, String errorId) throws IOException {
        Map<String, Object> spec = load("ebay_buy_browse_v1_oas3.json");
        Map<String, Object> get = Json.object(Json.object(Json.object(spec, "paths"), "/item_summary/search"), "get");
        Map<String, Object> codes = Json.object(Json.object(Json.object(get, "responses"), status), "x-response-codes");
        Map<String, Object> error = Json.object(Json.object(codes, "errors"), errorId);
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("errorId", Integer.valueOf(errorId));
        entry.put("domain", error.get("domain"));
        entry.put("category", error.get("category"));
        entry.put("message", error.get("description"));
        return JSON.std.asString(Map.of("errors", List.of(entry)));
    }

    /**
     * Fills the catalog with {@code count} listings, newest first, made from the recorded search's item
     * summaries (cycled) with record titles, the Records category and unique ids.
     */
    FakeEbay withListings(int count) throws IOException {
        List<Object> recorded = Json.list(load("ebay_search_iphone_100_bestmatch_recorded.json"), "itemSummaries");
        Instant newest = Instant.parse("2026-11-25T11:00:00Z");
        catalog.clear();
        for (int i = 0; i < count; i++) {
            Map<String, Object> item = JSON.std.mapFrom(JSON.std.asString(recorded.get(i % recorded.size())));
            long legacy = 400_000_000_000L + count - i;
            item.put("itemId", "v1|" + legacy + "|0");
            item.put("legacyItemId", String.valueOf(legacy));
            item.put("title", "Blue Note LP " + i + " - Original Press Vinyl");
            item.put("leafCategoryIds", List.of(RECORDS));
            item.put("categories", List.of(Map.of("categoryId", RECORDS, "categoryName", "Records"),
                    Map.of("categoryId", "11233", "categoryName", "Music")));
            item.put("itemCreationDate", newest.minusSeconds(60L * i).toString());
            item.put("itemWebUrl", "https://www.ebay.com/itm/" + legacy);
            item.remove("itemAffiliateWebUrl");
            item.remove("itemGroupHref");
            item.remove("itemGroupType");
            catalog.add(item);
        }
        return this;
    }

    /** The listing at {@code index} (0 = newest), to change its fields. */
    Map<String, Object> listing(int index) {
        return Json.cast(catalog.get(index));
    }

    /** Puts a raw element (malformed on purpose) at {@code index} of the catalog. */
    void insertRaw(int index, Object element) {
        catalog.add(index, element);
    }

    /** How many elements the catalog holds. */
    int size() {
        return catalog.size();
    }

    String id(int index) {
        return (String) listing(index).get("itemId");
    }

    // ---- scripting ----

    /** The next answers to requests whose path starts with {@code pathPrefix}, before normal service resumes. */
    void script(String pathPrefix, Answer... answers) {
        scripted.computeIfAbsent(pathPrefix, p -> new ArrayDeque<>()).addAll(List.of(answers));
    }

    /** The next answers to searches for the page at {@code offset}. */
    void scriptPage(int offset, Answer... answers) {
        pages.computeIfAbsent(offset, o -> new ArrayDeque<>()).addAll(List.of(answers));
    }

    void tokenLifetime(int seconds) {
        tokenLifetimeSeconds = seconds;
    }

    /** Makes eBay refuse every token issued so far (as after a revocation or early expiry). */
    void revokeTokens() {
        validTokens.clear();
    }

    List<Seen> seen() {
        return List.copyOf(seen);
    }

    List<Seen> seen(String pathPrefix) {
        return seen.stream().filter(s -> s.path().startsWith(pathPrefix)).toList();
    }

    void forget() {
        seen.clear();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    // ---- serving ----

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Map<String, String> headers = new LinkedHashMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(), v.get(0)));
            URI uri = exchange.getRequestURI();
            Seen request = new Seen(exchange.getRequestMethod(), uri.getRawPath(), query(uri.getRawQuery()), headers, body);
            seen.add(request);
            Answer answer = scriptedFor(request.path());
            if (answer == null) {
                answer = serve(request);
            }
            if (answer.delayMillis() > 0) {
                Thread.sleep(answer.delayMillis());
            }
            byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            }
        } catch (InterruptedException | IOException e) {
            // the client gave up (timeout tests) or the fake is closing
        }
    }

    private Answer scriptedFor(String path) {
        for (Map.Entry<String, Deque<Answer>> e : scripted.entrySet()) {
            if (path.startsWith(e.getKey())) {
                synchronized (e.getValue()) {
                    Answer a = e.getValue().poll();
                    if (a != null) {
                        return a;
                    }
                }
            }
        }
        return null;
    }

    private Answer serve(Seen request) throws IOException {
        if (request.path().equals("/identity/v1/oauth2/token")) {
            return token(request);
        }
        String auth = request.header("Authorization");
        if (auth == null || !auth.startsWith("Bearer ") || !validTokens.contains(auth.substring(7))) {
            return Answer.of(401, wireError("401_invalid_token"));
        }
        if (request.path().equals("/buy/browse/v1/item_summary/search")) {
            return search(request);
        }
        if (request.path().startsWith("/buy/browse/v1/item/")) {
            return item(request);
        }
        return Answer.of(404, "");
    }

    private synchronized Answer token(Seen request) throws IOException {
        String expected = "Basic " + Base64.getEncoder().encodeToString((APP_ID + ":" + CERT_ID).getBytes(StandardCharsets.UTF_8));
        if (!"POST".equals(request.method()) || !expected.equals(request.header("Authorization"))) {
            return Answer.of(401, JSON.std.asString(Map.of("error", "invalid_client",
                    "error_description", "client authentication failed")));
        }
        if (!request.body().equals("grant_type=client_credentials&scope=https%3A%2F%2Fapi.ebay.com%2Foauth%2Fapi_scope")) {
            return Answer.of(400, JSON.std.asString(Map.of("error", "invalid_request")));
        }
        String token = "v^1.1#i^1#fake-token-" + (++tokensIssued);
        validTokens.add(token);
        return Answer.of(200, JSON.std.asString(Map.of("access_token", token, "expires_in", tokenLifetimeSeconds,
                "token_type", "Application Access Token")));
    }

    private Answer search(Seen request) throws IOException {
        int limit = Integer.parseInt(request.query().getOrDefault("limit", "50"));
        int offset = Integer.parseInt(request.query().getOrDefault("offset", "0"));
        if (limit < 1 || limit > 200) {
            return Answer.of(400, "{\"errors\":[{\"errorId\":12006,\"domain\":\"API_BROWSE\",\"category\":\"REQUEST\"}]}");
        }
        if (offset % limit != 0) {
            return Answer.of(400, "{\"errors\":[{\"errorId\":12515,\"domain\":\"API_BROWSE\",\"category\":\"REQUEST\"}]}");
        }
        Deque<Answer> forPage = pages.get(offset);
        if (forPage != null) {
            synchronized (forPage) {
                Answer a = forPage.poll();
                if (a != null) {
                    return a;
                }
            }
        }
        String campaign = packed(request.header("X-EBAY-C-ENDUSERCTX"), "affiliateCampaignId");
        String reference = packed(request.header("X-EBAY-C-ENDUSERCTX"), "affiliateReferenceId");
        List<Object> listed = sorted(request.query().get("sort"));
        List<Object> page = new ArrayList<>();
        for (int i = offset; i < Math.min(offset + limit, listed.size()); i++) {
            Object element = listed.get(i);
            if (element instanceof Map && campaign != null) {
                Map<String, Object> copy = new LinkedHashMap<>(Json.cast(element));
                copy.put("itemAffiliateWebUrl", copy.get("itemWebUrl") + "?mkevt=1&mkcid=1&mkrid=711-53200-19255-0&campid="
                        + campaign + "&customid=" + (reference == null ? "" : reference) + "&toolid=10049");
                element = copy;
            }
            page.add(element);
        }
        String self = baseUrl() + request.path() + "?limit=" + limit + "&offset=";
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("href", self + offset);
        body.put("total", listed.size());
        if (offset + limit < listed.size()) {
            body.put("next", self + (offset + limit));
        }
        body.put("limit", limit);
        body.put("offset", offset);
        if (!page.isEmpty()) {
            body.put("itemSummaries", page);
        }
        return Answer.of(200, JSON.std.asString(body));
    }

    /**
     * The catalog in the order of {@code sort}: as kept (newest first) for {@code newlyListed}; for
     * {@code endingSoonest} only the auctions with an end date, the soonest to end first (as eBay does).
     */
    private List<Object> sorted(String sort) {
        if (!"endingSoonest".equals(sort)) {
            return catalog;
        }
        List<Map<String, Object>> auctions = new ArrayList<>();
        for (Object element : catalog) {
            if (element instanceof Map && Json.list(Json.cast(element), "buyingOptions").contains("AUCTION")
                    && ((Map<?, ?>) element).get("itemEndDate") != null) {
                auctions.add(Json.cast(element));
            }
        }
        auctions.sort(java.util.Comparator.comparing(a -> Instant.parse((String) a.get("itemEndDate"))));
        return new ArrayList<>(auctions);
    }

    private Answer item(Seen request) throws IOException {
        String id = URLDecoder.decode(request.path().substring("/buy/browse/v1/item/".length()), StandardCharsets.UTF_8);
        for (Object element : catalog) {
            Map<String, Object> summary = element instanceof Map ? Json.cast(element) : Map.of();
            if (id.equals(summary.get("itemId"))) {
                Map<String, Object> item = JSON.std.mapFrom(JSON.std.asString(recordedItem));
                item.put("itemId", id);
                item.put("legacyItemId", summary.get("legacyItemId"));
                item.put("title", summary.get("title"));
                item.put("categoryId", RECORDS);
                item.put("categoryPath", "Music|Records");
                item.put("categoryIdPath", "11233|" + RECORDS);
                List<Object> aspects = new ArrayList<>(Json.list(item, "localizedAspects"));
                aspects.removeIf(a -> !"UPC".equals(((Map<?, ?>) a).get("name")));
                aspects.add(aspect("Artist", "Art Blakey & The Jazz Messengers"));
                aspects.add(aspect("Release Title", "Moanin'"));
                aspects.add(aspect("Record Label", "Blue Note"));
                aspects.add(aspect("Catalog Number", "BLP 4003"));
                aspects.add(aspect("Format", "Record"));
                item.put("localizedAspects", aspects);
                return Answer.of(200, JSON.std.asString(item));
            }
        }
        return Answer.of(404, wireError("400_item_not_found_shape_from_spec"));
    }

    private static Map<String, Object> aspect(String name, String value) {
        return Map.of("type", "STRING", "name", name, "value", value);
    }

    private static String packed(String header, String name) {
        if (header == null) {
            return null;
        }
        for (String pair : header.split(",")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).trim().equals(name)) {
                return pair.substring(eq + 1).trim();
            }
        }
        return null;
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> q = new LinkedHashMap<>();
        if (raw == null) {
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
}
