package io.vinyldetective.plugins.discogs;

import io.vinyldetective.api.Budget;
import io.vinyldetective.api.CatalogKeys;
import io.vinyldetective.api.ConfigKey;
import io.vinyldetective.api.MediaFormat;
import io.vinyldetective.api.PluginConfig;
import io.vinyldetective.api.PluginContext;
import io.vinyldetective.api.PluginException;
import io.vinyldetective.api.PriceOracle;
import io.vinyldetective.api.PriceQuote;
import io.vinyldetective.api.Release;
import io.vinyldetective.api.Urgency;
import io.vinyldetective.api.Wantlist;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.function.Predicate;
import org.pf4j.Extension;

/**
 * The Discogs {@link PriceOracle}: releases for a catalog number, a barcode or an artist and title
 * ({@code /database/search}), a release in full ({@code /releases/{id}}), and reference prices by
 * condition ({@code /marketplace/price_suggestions/{id}}) plus the lowest listed price and the number
 * of copies for sale ({@code /marketplace/stats/{id}}), in the currency asked for; users' wantlists and
 * masters' pressings for the engine's watches ({@link WantlistReader}).
 *
 * <p>Economy: a new catalog number or barcode costs one search, plus one release request when the
 * search names exactly one release (several candidates come back as search summaries: fetching each
 * would cost a request apiece). Pricing a release costs two requests (one once price suggestions are
 * known to be unavailable for the account). Questions with no answer are remembered for
 * {@code negative-cache}; search pages are kept by the gateway's cache for {@code search-cache}.
 */
@Extension
public class DiscogsPriceOracle implements PriceOracle {

    static final ConfigKey TOKEN = ConfigKey.secret("token",
            "Discogs personal access token (Settings > Developers), usually from DISCOGS_TOKEN.");
    static final ConfigKey BASE_URL = ConfigKey.optional("base-url", ConfigKey.Type.STRING, "https://api.discogs.com",
            "Discogs API base URL, usually from DISCOGS_BASE_URL; tests point it at a fake.");
    static final ConfigKey REQUESTS_PER_MINUTE = ConfigKey.optional("requests-per-minute", ConfigKey.Type.INT, "50",
            "Most requests sent to Discogs in any minute (1 to 60; Discogs allows 60, the default keeps a margin).");
    static final ConfigKey NEGATIVE_CACHE = ConfigKey.optional("negative-cache", ConfigKey.Type.DURATION, "1d",
            "How long an answer of 'no such release' is remembered before Discogs is asked again (0s: never).");
    static final ConfigKey SEARCH_CACHE = ConfigKey.optional("search-cache", ConfigKey.Type.DURATION, "10m",
            "How long the gateway may answer a repeated search or release request from its cache (0s: never).");

    /** Discogs' own allowance for an authenticated client. */
    static final int DISCOGS_LIMIT = 60;
    /** The currencies {@code curr_abbr} accepts. */
    static final Set<String> CURRENCIES = Set.of("USD", "GBP", "EUR", "CAD", "AUD", "JPY", "CHF", "MXN", "BRL", "NZD",
            "SEK", "ZAR");
    static final int SEARCH_PAGE_SIZE = 50;
    private static final int NEGATIVE_CACHE_ENTRIES = 20_000;
    private static final String SUGGESTIONS_UNAVAILABLE = "account:price-suggestions";

    private final Duration rateWindow;
    private volatile Started started;

    /** What {@link #start} sets up; immutable, so every thread sees it whole. */
    private record Started(PluginContext context, DiscogsClient client, RatePacer pacer, NegativeCache nothing,
                           Duration searchCache, WantlistReader lists, System.Logger log) {
    }

    public DiscogsPriceOracle() {
        this(Duration.ofMinutes(1));
    }

    /** For tests and benchmarks: Discogs' one-minute window scaled down. */
    DiscogsPriceOracle(Duration rateWindow) {
        this.rateWindow = rateWindow;
    }

    @Override
    public List<ConfigKey> configKeys() {
        return List.of(TOKEN, BASE_URL, REQUESTS_PER_MINUTE, NEGATIVE_CACHE, SEARCH_CACHE);
    }

    @Override
    public void start(PluginContext context) {
        PluginConfig config = context.config();
        URI base = baseUrl(config.string(BASE_URL.name()));
        int perMinute = config.integer(REQUESTS_PER_MINUTE.name());
        if (perMinute < 1 || perMinute > DISCOGS_LIMIT) {
            throw new PluginException.BadConfiguration(REQUESTS_PER_MINUTE.name(), "'" + REQUESTS_PER_MINUTE.name()
                    + "' must be between 1 and " + DISCOGS_LIMIT + " (Discogs' limit), not " + perMinute);
        }
        Duration negative = nonNegative(config, NEGATIVE_CACHE);
        Duration search = nonNegative(config, SEARCH_CACHE);
        String token = config.string(TOKEN.name());
        if (token.chars().anyMatch(c -> c < 0x21 || c > 0x7e)) {
            throw new PluginException.BadConfiguration(TOKEN.name(),
                    "'token' holds spaces or unprintable characters (value not shown: it is a secret)");
        }
        System.Logger log = context.logger();
        RatePacer pacer = new RatePacer(context.http(), base.getHost(), perMinute, rateWindow, context.clock(),
                System::nanoTime, log);
        pacer.start();
        DiscogsClient client = new DiscogsClient(context.http(), base, token, userAgent(), pacer);
        started = new Started(context, client, pacer, new NegativeCache(context.clock(), negative,
                NEGATIVE_CACHE_ENTRIES), search, new WantlistReader(client), log);
    }

    @Override
    public List<Release> releasesByCatalogNumber(String catalogNumber, Urgency urgency) {
        String key = CatalogKeys.catalogNumber(catalogNumber);
        if (key == null) {
            return List.of();
        }
        return search("catno:" + key, Map.of("catno", catalogNumber.strip()),
                r -> r.labels().stream().anyMatch(l -> key.equals(CatalogKeys.catalogNumber(l.catalogNumber()))),
                urgency);
    }

    @Override
    public List<Release> releasesByBarcode(String barcode, Urgency urgency) {
        String key = CatalogKeys.barcode(barcode);
        if (key == null) {
            return List.of();
        }
        return search("barcode:" + key, Map.of("barcode", barcode.replaceAll("[^0-9]", "")),
                r -> r.barcodes().stream().anyMatch(b -> key.equals(CatalogKeys.barcode(b))), urgency);
    }

    @Override
    public List<Release> searchReleases(String artist, String title, MediaFormat format, Urgency urgency) {
        String a = artist == null ? "" : artist.strip();
        String t = title == null ? "" : title.strip();
        if (a.isEmpty() && t.isEmpty()) {
            return List.of();
        }
        Map<String, String> query = new LinkedHashMap<>();
        if (a.isEmpty()) {
            // No artist: the text is free text (what a listing title gives), searched in every field.
            query.put("q", t);
        } else {
            query.put("artist", a);
            if (!t.isEmpty()) {
                query.put("release_title", t);
            }
        }
        if (format != null && format != MediaFormat.OTHER) {
            query.put("format", format.displayName());
        }
        String key = "text:" + a.toLowerCase(Locale.ROOT) + "\u0000" + t.toLowerCase(Locale.ROOT) + "\u0000" + format;
        return search(key, query, r -> true, urgency);
    }

    @Override
    public Optional<Release> release(long releaseId, Urgency urgency) {
        Started s = started();
        String key = "release:" + releaseId;
        if (releaseId <= 0 || s.nothing().contains(key)) {
            return Optional.empty();
        }
        DiscogsClient.Answer answer = s.client().get("/releases/" + releaseId, Map.of(), urgency, s.searchCache());
        if (answer.status() == 404) {
            s.nothing().put(key);
            return Optional.empty();
        }
        if (!answer.ok()) {
            throw new PluginException.BadItem("Discogs /releases/" + releaseId + " answered HTTP " + answer.status());
        }
        return Optional.of(ReleaseMapper.fromRelease(answer.json()).orElseThrow(() -> new PluginException.BadItem(
                "Discogs release " + releaseId + " has no id or title: skipped")));
    }

    @Override
    public List<PriceQuote> prices(long releaseId, String currency, Urgency urgency) {
        Started s = started();
        String cur = currency == null ? "" : currency.strip().toUpperCase(Locale.ROOT);
        if (!CURRENCIES.contains(cur)) {
            s.log().log(System.Logger.Level.WARNING, "Discogs prices in {0} are not available (it quotes in {1}):"
                    + " release {2} not priced", cur, String.join(" ", new java.util.TreeSet<>(CURRENCIES)), releaseId);
            return List.of();
        }
        if (releaseId <= 0 || s.nothing().contains("release:" + releaseId)) {
            return List.of();
        }
        Instant asOf = s.context().clock().instant();
        PriceMapper.Stats stats = stats(s, releaseId, cur, urgency);
        if (stats == null) {
            s.nothing().put("release:" + releaseId);
            return List.of();
        }
        List<PriceQuote> quotes = new ArrayList<>(suggestions(s, releaseId, cur, stats.forSale(), asOf, urgency));
        quotes.addAll(PriceMapper.lowestListed(releaseId, stats, asOf));
        return List.copyOf(quotes);
    }

    /** The wantlist ({@code /users/{username}/wants}), every page; private and unknown lists are answered as such. */
    @Override
    public Optional<Wantlist> wantlist(String username, Urgency urgency) {
        Started s = started();
        return Optional.of(s.lists().wantlist(username, urgency, s.log()));
    }

    /** The master's pressings ({@code /masters/{id}/versions}), every page. */
    @Override
    public List<Release> masterVersions(long masterId, List<String> artists, Urgency urgency) {
        return started().lists().versions(masterId, artists == null ? List.of() : artists, urgency);
    }

    @Override
    public Optional<Budget> budget() {
        Started s = started;
        return s == null ? Optional.empty() : s.pacer().budget();
    }

    /** The marketplace stats; null when Discogs has no such release. */
    private PriceMapper.Stats stats(Started s, long releaseId, String currency, Urgency urgency) {
        String path = "/marketplace/stats/" + releaseId;
        DiscogsClient.Answer answer;
        try {
            answer = s.client().get(path, Map.of("curr_abbr", currency), urgency, null);
        } catch (PluginException.BadItem e) {
            s.log().log(System.Logger.Level.WARNING, "{0}; pricing release {1} without marketplace stats",
                    e.getMessage(), releaseId);
            return PriceMapper.Stats.UNKNOWN;
        }
        if (answer.status() == 404) {
            return null;
        }
        if (!answer.ok()) {
            return PriceMapper.Stats.UNKNOWN;
        }
        return PriceMapper.stats(answer.json(), currency, skipped -> s.log().log(System.Logger.Level.DEBUG,
                "Discogs stats of release {0}: skipped {1}", releaseId, skipped));
    }

    private List<PriceQuote> suggestions(Started s, long releaseId, String currency, Integer forSale, Instant asOf,
                                         Urgency urgency) {
        if (s.nothing().contains(SUGGESTIONS_UNAVAILABLE)) {
            return List.of();
        }
        String path = "/marketplace/price_suggestions/" + releaseId;
        DiscogsClient.Answer answer;
        try {
            answer = s.client().get(path, Map.of(), urgency, null);
        } catch (PluginException.BadItem e) {
            s.log().log(System.Logger.Level.WARNING, "{0}; pricing release {1} without price suggestions",
                    e.getMessage(), releaseId);
            return List.of();
        }
        if (answer.status() == 403) {
            s.nothing().put(SUGGESTIONS_UNAVAILABLE);
            s.log().log(System.Logger.Level.WARNING, "Discogs price suggestions are not available to this account"
                    + " (HTTP 403: fill in the seller settings on Discogs); pricing from the lowest listed price only,"
                    + " asking again after the negative-cache time");
            return List.of();
        }
        if (!answer.ok()) {
            return List.of();
        }
        return PriceMapper.suggestions(releaseId, answer.json(), currency, forSale, asOf,
                skipped -> s.log().log(System.Logger.Level.DEBUG, "Discogs price suggestions of release {0}: skipped {1}",
                        releaseId, skipped));
    }

    /**
     * One search page of releases, exact matches first: when some results carry the very catalog
     * number or barcode asked for, only those are kept. A single candidate is fetched in full.
     */
    private List<Release> search(String negativeKey, Map<String, String> criteria, Predicate<Release> exact,
                                 Urgency urgency) {
        Started s = started();
        if (s.nothing().contains(negativeKey)) {
            return List.of();
        }
        Map<String, String> query = new LinkedHashMap<>();
        query.put("type", "release");
        query.putAll(criteria);
        query.put("per_page", String.valueOf(SEARCH_PAGE_SIZE));
        DiscogsClient.Answer answer = s.client().get("/database/search", query, urgency, s.searchCache());
        if (!answer.ok()) {
            throw new PluginException.BadItem("Discogs search answered HTTP " + answer.status() + ": skipped");
        }
        List<Release> found = new ArrayList<>();
        int skipped = 0;
        for (JsonDoc result : answer.json().objects("results")) {
            if (result.string("type") != null && !"release".equals(result.string("type"))) {
                continue;
            }
            Optional<Release> release = ReleaseMapper.fromSearchResult(result);
            if (release.isPresent()) {
                found.add(release.get());
            } else {
                skipped++;
            }
        }
        if (skipped > 0) {
            s.log().log(System.Logger.Level.DEBUG, "Discogs search: skipped {0} result(s) without id or title", skipped);
        }
        List<Release> exactOnes = found.stream().filter(exact).toList();
        List<Release> releases = exactOnes.isEmpty() ? found : exactOnes;
        if (releases.isEmpty()) {
            s.nothing().put(negativeKey);
            return List.of();
        }
        if (releases.size() == 1) {
            return List.of(inFull(s, releases.get(0), urgency));
        }
        return List.copyOf(releases);
    }

    /** The full release for a search summary; the summary itself when the full one cannot be had now. */
    private Release inFull(Started s, Release summary, Urgency urgency) {
        try {
            return release(summary.id(), urgency).orElse(summary);
        } catch (PluginException.BadItem | PluginException.RetryLater e) {
            s.log().log(System.Logger.Level.DEBUG, "Discogs release {0} not fetched in full ({1}): using the search"
                    + " summary", summary.id(), e.getMessage());
            return summary;
        }
    }

    private Started started() {
        Started s = started;
        if (s == null) {
            throw new IllegalStateException("DiscogsPriceOracle used before start()");
        }
        return s;
    }

    private static URI baseUrl(String text) {
        String t = text.strip();
        while (t.endsWith("/")) {
            t = t.substring(0, t.length() - 1);
        }
        try {
            URI uri = new URI(t);
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null
                    && uri.getRawQuery() == null && uri.getRawFragment() == null) {
                return uri;
            }
        } catch (java.net.URISyntaxException e) {
            // reported below
        }
        throw new PluginException.BadConfiguration(BASE_URL.name(), "'" + BASE_URL.name()
                + "' must be an http(s) URL such as https://api.discogs.com, not '" + t + "'");
    }

    private static Duration nonNegative(PluginConfig config, ConfigKey key) {
        Duration d = config.duration(key.name());
        if (d.isNegative()) {
            throw new PluginException.BadConfiguration(key.name(), "'" + key.name() + "' must not be negative");
        }
        return d;
    }

    /** {@code VinylDetective/<version> (discogs plugin)}: unique, with product and version, as Discogs asks. */
    static String userAgent() {
        String version = "dev";
        try (InputStream in = DiscogsPriceOracle.class.getResourceAsStream("discogs-plugin.properties")) {
            if (in != null) {
                Properties p = new Properties();
                p.load(in);
                version = p.getProperty("version", version);
            }
        } catch (IOException e) {
            // keep "dev"
        }
        return "VinylDetective/" + version + " (discogs plugin)";
    }
}
