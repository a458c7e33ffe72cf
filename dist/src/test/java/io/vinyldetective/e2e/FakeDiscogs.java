package io.vinyldetective.e2e;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A loopback Discogs API built from the recorded answers in {@code shared/api/discogs/}: the
 * releases it knows (real ones from the dump sample, see {@link DumpSample}), {@code /database/search}
 * by {@code catno}, {@code barcode}, {@code q} or {@code artist}/{@code release_title} (results in the
 * shape of the recorded search page), {@code /releases/{id}}, {@code /marketplace/stats/{id}} and
 * {@code /marketplace/price_suggestions/{id}} in the recorded shapes with the prices a test sets, the
 * {@code X-Discogs-Ratelimit*} headers of a 60-a-minute moving window on every answer, the token
 * and User-Agent checked, users' wantlists ({@code /users/{u}/wants}, paged, private and unknown users
 * answered as such) and masters' versions ({@code /masters/{id}/versions}) of the served releases in
 * the documented shapes, and scriptable refusals ({@link #refuseNext}: the documented 429 body with
 * a {@code Retry-After}, which Discogs may or may not send, and the window's headers).
 */
public final class FakeDiscogs extends LoopbackFake {

    static final int LIMIT = 60;
    private static final long WINDOW_NANOS = 60_000_000_000L;
    private static final Pattern RELEASE = Pattern.compile("/releases/(\\d+)");
    private static final Pattern STATS = Pattern.compile("/marketplace/stats/(\\d+)");
    private static final Pattern SUGGESTIONS = Pattern.compile("/marketplace/price_suggestions/(\\d+)");
    private static final Pattern WANTS = Pattern.compile("/users/([^/]+)/wants");
    private static final Pattern VERSIONS = Pattern.compile("/masters/(\\d+)/versions");

    /** Prices of one release in USD: the eight suggestions by grade name, and the lowest listed. */
    public record Prices(Map<String, Double> suggestions, Double lowest, Integer forSale) {

        /** Suggestions from Mint down to Poor, in Discogs' condition names. */
        public static Prices of(double mint, double nearMint, double veryGoodPlus, double veryGood, double goodPlus,
                         double good, double fair, double poor, Double lowest, Integer forSale) {
            List<String> names = conditionNames();
            double[] values = {mint, nearMint, veryGoodPlus, veryGood, goodPlus, good, fair, poor};
            Map<String, Double> s = new LinkedHashMap<>();
            for (int i = 0; i < names.size(); i++) {
                s.put(names.get(i), values[i]);
            }
            return new Prices(Map.copyOf(s), lowest, forSale);
        }
    }

    private final String token;
    private final Map<Long, Map<String, Object>> releases = new ConcurrentHashMap<>();
    private final Map<Long, Prices> prices = new ConcurrentHashMap<>();
    private final ArrayDeque<Long> window = new ArrayDeque<>();
    private final AtomicInteger toRefuse = new AtomicInteger();
    private final AtomicInteger refused = new AtomicInteger();
    private volatile int retryAfterSeconds;
    private final Map<String, List<Long>> wantlists = new ConcurrentHashMap<>();
    private final java.util.Set<String> privateLists = ConcurrentHashMap.newKeySet();
    private final Map<String, Object> wireNotes = Shared.json("api/discogs/discogs_wire_notes.json");
    private final Map<String, Object> statsTemplate =
            Shared.json("api/discogs/discogs_official_docs_marketplace_stats_release_1.json");
    private final Map<String, Object> suggestionsTemplate =
            Shared.json("api/discogs/discogs_official_docs_price_suggestions_release_1.json");
    private final Map<String, Object> searchTemplate = Shared.json("api/discogs/discogs_search_djhealer_peacefixation.json");
    private final String notFound = Shared.write(Shared.json("api/discogs/discogs_official_docs_release_404.json"));

    public FakeDiscogs(String token) {
        this.token = token;
    }

    /** The condition names Discogs uses in price suggestions, best first (from the wire notes). */
    static List<String> conditionNames() {
        return List.copyOf(Shared.list(Shared.json("api/discogs/discogs_wire_notes.json").get("price_suggestion_keys"))
                .stream().map(String::valueOf).toList());
    }

    /** Serves a release (an API release object) with these prices. */
    public FakeDiscogs serve(Map<String, Object> release, Prices price) {
        long id = ((Number) release.get("id")).longValue();
        releases.put(id, release);
        prices.put(id, price);
        return this;
    }

    /** Gives a user a wantlist of served releases (replacing the one before). */
    public FakeDiscogs wantlist(String username, long... releaseIds) {
        wantlists.put(username.toLowerCase(Locale.ROOT), java.util.Arrays.stream(releaseIds).boxed().toList());
        return this;
    }

    /** Keeps a user's wantlist private: another user's token gets the 403 client libraries report. */
    public FakeDiscogs privateWantlist(String username) {
        privateLists.add(username.toLowerCase(Locale.ROOT));
        return this;
    }

    /** The next {@code count} requests get the documented 429 with {@code Retry-After: retryAfterSeconds}. */
    void refuseNext(int count, int retryAfterSeconds) {
        this.retryAfterSeconds = retryAfterSeconds;
        toRefuse.addAndGet(count);
    }

    /** How many requests got a 429 from {@link #refuseNext}. */
    int refused() {
        return refused.get();
    }

    /** Requests for the prices (stats or suggestions) of a release. */
    long priceRequests(long releaseId) {
        return requests(r -> r.path().equals("/marketplace/stats/" + releaseId)
                || r.path().equals("/marketplace/price_suggestions/" + releaseId)).size();
    }

    /** Catalog-number searches for {@code catno} as sent (any spacing or case). */
    long catalogNumberSearches(String catno) {
        String key = key(catno);
        return requests(r -> r.path().equals("/database/search") && r.query().containsKey("catno")
                && key(r.query().get("catno")).equals(key)).size();
    }

    @Override
    protected Reply answer(Request request) {
        int used = countInWindow(request.nanos());
        Reply reply;
        if (toRefuse.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            refused.incrementAndGet();
            String body = Shared.write(Shared.object(wireNotes.get("rate_limit")).get("429_body"));
            reply = Reply.json(429, body).withHeader("Retry-After", String.valueOf(retryAfterSeconds));
        } else {
            reply = serve(request);
        }
        return reply.withHeader("X-Discogs-Ratelimit", String.valueOf(LIMIT))
                .withHeader("X-Discogs-Ratelimit-Used", String.valueOf(Math.min(used, LIMIT)))
                .withHeader("X-Discogs-Ratelimit-Remaining", String.valueOf(Math.max(0, LIMIT - used)));
    }

    private synchronized int countInWindow(long now) {
        window.addLast(now);
        while (!window.isEmpty() && now - window.peekFirst() >= WINDOW_NANOS) {
            window.pollFirst();
        }
        return window.size();
    }

    private Reply serve(Request request) {
        if (!("Discogs token=" + token).equals(request.header("Authorization"))) {
            return Reply.json(401, "{\"message\": \"You must authenticate to access this resource.\"}");
        }
        if (request.header("User-Agent") == null || request.header("User-Agent").isBlank()) {
            return Reply.json(403, "{\"message\": \"You must provide a User-Agent.\"}");
        }
        String path = request.path();
        Matcher m;
        if (path.equals("/database/search")) {
            return Reply.json(200, Shared.write(search(request.query())));
        }
        if ((m = WANTS.matcher(path)).matches()) {
            return wants(m.group(1).toLowerCase(Locale.ROOT), request.query());
        }
        if ((m = VERSIONS.matcher(path)).matches()) {
            long master = Long.parseLong(m.group(1));
            List<Map<String, Object>> versions = releases.values().stream()
                    .filter(r -> r.get("master_id") instanceof Number n && n.longValue() == master)
                    .sorted((a, b) -> Long.compare(((Number) a.get("id")).longValue(), ((Number) b.get("id")).longValue()))
                    .map(FakeDiscogs::version).toList();
            return versions.isEmpty() ? Reply.json(404, "{\"message\": \"Master Release not found.\"}")
                    : Reply.json(200, Shared.write(page("versions", versions, request.query())));
        }
        if ((m = RELEASE.matcher(path)).matches()) {
            Map<String, Object> release = releases.get(Long.parseLong(m.group(1)));
            if (release == null) {
                return notFound();
            }
            Map<String, Object> answer = Shared.copy(release);
            Prices p = prices.get(Long.parseLong(m.group(1)));
            answer.put("lowest_price", p.lowest());
            answer.put("num_for_sale", p.forSale() == null ? 0 : p.forSale());
            return Reply.json(200, Shared.write(answer));
        }
        if ((m = STATS.matcher(path)).matches()) {
            Prices p = prices.get(Long.parseLong(m.group(1)));
            if (p == null) {
                return notFound();
            }
            Map<String, Object> stats = Shared.copy(statsTemplate);
            String currency = request.query().getOrDefault("curr_abbr", "USD");
            if (p.lowest() == null) {
                stats.put("lowest_price", null);
                stats.put("num_for_sale", null);
            } else {
                Map<String, Object> lowest = Shared.object(stats.get("lowest_price"));
                lowest.put("currency", currency);
                lowest.put("value", p.lowest());
                stats.put("num_for_sale", p.forSale());
            }
            return Reply.json(200, Shared.write(stats));
        }
        if ((m = SUGGESTIONS.matcher(path)).matches()) {
            Prices p = prices.get(Long.parseLong(m.group(1)));
            if (p == null) {
                return notFound();
            }
            Map<String, Object> recorded = Shared.copy(suggestionsTemplate);
            Map<String, Object> answer = new LinkedHashMap<>();
            for (String condition : recorded.keySet()) {
                Double value = p.suggestions().get(condition);
                if (value != null) {
                    Map<String, Object> amount = Shared.object(recorded.get(condition));
                    amount.put("value", value);
                    answer.put(condition, amount);
                }
            }
            return Reply.json(200, Shared.write(answer));
        }
        return Reply.json(404, "{\"message\": \"The requested resource was not found.\"}");
    }

    private Reply notFound() {
        return Reply.json(404, notFound);
    }

    /** A wantlist page in the documented shape; a private list is 403, an unknown user 404 (wording not recorded). */
    private Reply wants(String username, Map<String, String> query) {
        if (privateLists.contains(username)) {
            return Reply.json(403, "{\"message\": \"You are not allowed to view this resource. Please authenticate as the"
                    + " owner to view this content.\"}");
        }
        List<Long> ids = wantlists.get(username);
        if (ids == null) {
            return Reply.json(404, "{\"message\": \"User does not exist or may have been deleted.\"}");
        }
        List<Map<String, Object>> wants = new ArrayList<>();
        for (long id : ids) {
            Map<String, Object> release = releases.get(id);
            Map<String, Object> basic = new LinkedHashMap<>();
            for (String field : List.of("id", "title", "year", "artists", "labels", "formats", "master_id", "resource_url")) {
                if (release.containsKey(field)) {
                    basic.put(field, release.get(field));
                }
            }
            Map<String, Object> want = new LinkedHashMap<>();
            want.put("rating", 0);
            want.put("basic_information", basic);
            want.put("resource_url", "https://api.discogs.com/users/" + username + "/wants/" + id);
            want.put("id", id);
            wants.add(want);
        }
        return Reply.json(200, Shared.write(page("wants", wants, query)));
    }

    /** A master's version as the documentation shows one: one label and catalog number, format as text. */
    private static Map<String, Object> version(Map<String, Object> release) {
        Map<String, Object> v = new LinkedHashMap<>();
        List<Map<String, Object>> formats = formats(release);
        List<Map<String, Object>> labels = labels(release);
        v.put("status", "Accepted");
        v.put("format", formats.isEmpty() ? "" : String.join(", ", Shared.list(formats.get(0).get("descriptions")).stream()
                .map(String::valueOf).toList()));
        v.put("country", release.get("country"));
        v.put("title", release.get("title"));
        v.put("label", labels.isEmpty() ? null : labels.get(0).get("name"));
        v.put("released", String.valueOf(release.getOrDefault("year", "")));
        v.put("major_formats", formats.isEmpty() ? List.of() : List.of(formats.get(0).get("name")));
        v.put("catno", labels.isEmpty() ? "none" : labels.get(0).get("catno"));
        v.put("resource_url", "https://api.discogs.com/releases/" + release.get("id"));
        v.put("id", release.get("id"));
        return v;
    }

    /** One page of a list in the documented envelope. */
    private static Map<String, Object> page(String name, List<Map<String, Object>> all, Map<String, String> query) {
        int perPage = Math.max(1, Math.min(100, Integer.parseInt(query.getOrDefault("per_page", "50"))));
        int page = Math.max(1, Integer.parseInt(query.getOrDefault("page", "1")));
        int from = Math.min(all.size(), (page - 1) * perPage);
        Map<String, Object> pagination = new LinkedHashMap<>();
        pagination.put("per_page", perPage);
        pagination.put("items", all.size());
        pagination.put("page", page);
        pagination.put("urls", Map.of());
        pagination.put("pages", Math.max(1, (all.size() + perPage - 1) / perPage));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("pagination", pagination);
        body.put(name, all.subList(from, Math.min(all.size(), from + perPage)));
        return body;
    }

    /** A search page: every known release the criteria fit, in the recorded page's shape. */
    private Map<String, Object> search(Map<String, String> query) {
        List<Map<String, Object>> results = new ArrayList<>();
        if (query.getOrDefault("type", "release").equals("release")) {
            for (Map<String, Object> release : releases.values()) {
                if (fits(release, query)) {
                    results.add(searchResult(release));
                }
            }
        }
        results.sort((a, b) -> Long.compare(((Number) a.get("id")).longValue(), ((Number) b.get("id")).longValue()));
        int perPage = Math.min(100, Integer.parseInt(query.getOrDefault("per_page", "50")));
        int page = Math.max(1, Integer.parseInt(query.getOrDefault("page", "1")));
        int from = Math.min(results.size(), (page - 1) * perPage);
        int to = Math.min(results.size(), from + perPage);
        Map<String, Object> body = Shared.copy(searchTemplate);
        Map<String, Object> pagination = Shared.object(body.get("pagination"));
        pagination.put("page", page);
        pagination.put("pages", (results.size() + perPage - 1) / perPage);
        pagination.put("per_page", perPage);
        pagination.put("items", results.size());
        pagination.put("urls", Map.of());
        body.put("results", results.subList(from, to));
        return body;
    }

    private static boolean fits(Map<String, Object> release, Map<String, String> query) {
        if (query.containsKey("catno")) {
            String wanted = key(query.get("catno"));
            if (wanted.isEmpty() || labels(release).stream().noneMatch(l -> key((String) l.get("catno")).equals(wanted))) {
                return false;
            }
        }
        if (query.containsKey("barcode")) {
            String wanted = query.get("barcode").replaceAll("[^0-9]", "");
            if (wanted.isEmpty() || identifiers(release).stream().noneMatch(i -> "Barcode".equals(i.get("type"))
                    && String.valueOf(i.get("value")).replaceAll("[^0-9]", "").equals(wanted))) {
                return false;
            }
        }
        if (query.containsKey("q") && !Shared.words(text(release)).containsAll(Shared.words(query.get("q")))) {
            return false;
        }
        if (query.containsKey("artist")
                && !Shared.words(artistNames(release)).containsAll(Shared.words(query.get("artist")))) {
            return false;
        }
        if (query.containsKey("release_title")
                && !Shared.words((String) release.get("title")).containsAll(Shared.words(query.get("release_title")))) {
            return false;
        }
        if (query.containsKey("format")) {
            String format = query.get("format").toLowerCase(Locale.ROOT);
            return formats(release).stream().anyMatch(f -> String.valueOf(f.get("name")).toLowerCase(Locale.ROOT)
                    .equals(format));
        }
        return true;
    }

    /** Everything Discogs' free-text search looks at, roughly: artists, title, labels, catalog numbers. */
    private static String text(Map<String, Object> release) {
        StringBuilder sb = new StringBuilder(artistNames(release)).append(' ').append(release.get("title"));
        for (Map<String, Object> l : labels(release)) {
            sb.append(' ').append(l.get("name")).append(' ').append(l.get("catno"));
        }
        return sb.toString();
    }

    private static String artistNames(Map<String, Object> release) {
        return String.join(" ", Shared.list(release.get("artists")).stream()
                .map(a -> String.valueOf(Shared.object(a).get("name"))).toList());
    }

    /** A catalog number without spaces, dashes and dots, in upper case: how Discogs finds {@code BLP-4024} as {@code BLP 4024}. */
    public static String key(String catno) {
        return catno == null ? "" : catno.toUpperCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
    }

    private static List<Map<String, Object>> labels(Map<String, Object> release) {
        return Shared.list(release.get("labels")).stream().map(Shared::object).toList();
    }

    private static List<Map<String, Object>> identifiers(Map<String, Object> release) {
        return Shared.list(release.get("identifiers")).stream().map(Shared::object).toList();
    }

    private static List<Map<String, Object>> formats(Map<String, Object> release) {
        return Shared.list(release.get("formats")).stream().map(Shared::object).toList();
    }

    /** One {@code results[]} entry, on the recorded search result as the template. */
    private Map<String, Object> searchResult(Map<String, Object> release) {
        Map<String, Object> r = Shared.copy(Shared.object(Shared.list(searchTemplate.get("results")).get(0)));
        long id = ((Number) release.get("id")).longValue();
        List<String> format = new ArrayList<>();
        for (Map<String, Object> f : formats(release)) {
            format.add(String.valueOf(f.get("name")));
            Shared.list(f.get("descriptions")).forEach(d -> format.add(String.valueOf(d)));
            if (f.get("text") != null) {
                format.add(String.valueOf(f.get("text")));
            }
        }
        List<String> barcodes = new ArrayList<>();
        for (Map<String, Object> i : identifiers(release)) {
            if ("Barcode".equals(i.get("type")) || "Matrix / Runout".equals(i.get("type"))) {
                barcodes.add(String.valueOf(i.get("value")));
            }
        }
        StringBuilder artists = new StringBuilder();
        List<Object> artistList = Shared.list(release.get("artists"));
        for (int i = 0; i < artistList.size(); i++) {
            Map<String, Object> a = Shared.object(artistList.get(i));
            artists.append(a.get("name"));
            String join = String.valueOf(a.getOrDefault("join", ""));
            if (i < artistList.size() - 1) {
                artists.append(join.isBlank() ? ", " : " " + join.strip() + " ");
            }
        }
        Object year = release.get("year");
        r.put("country", release.get("country"));
        r.put("year", year == null || Integer.valueOf(0).equals(year) ? null : String.valueOf(year));
        r.put("format", format);
        r.put("label", labels(release).stream().map(l -> l.get("name")).distinct().toList());
        r.put("type", "release");
        r.put("genre", release.get("genres"));
        r.put("style", release.get("styles"));
        r.put("id", id);
        r.put("barcode", barcodes);
        r.put("master_id", release.getOrDefault("master_id", 0));
        r.put("master_url", release.get("master_url"));
        r.put("uri", "/release/" + id);
        r.put("catno", labels(release).isEmpty() ? "none" : labels(release).get(0).get("catno"));
        r.put("title", artists + " - " + release.get("title"));
        r.put("thumb", "");
        r.put("cover_image", "");
        r.put("resource_url", "https://api.discogs.com/releases/" + id);
        return r;
    }
}
