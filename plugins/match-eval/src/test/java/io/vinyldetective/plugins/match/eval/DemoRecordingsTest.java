package io.vinyldetective.plugins.match.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.ApplicationContext;
import io.vinyldetective.api.Grade;
import io.vinyldetective.api.Listing;
import io.vinyldetective.api.ListingQuery;
import io.vinyldetective.api.ListingSource;
import io.vinyldetective.api.MatchResult;
import io.vinyldetective.api.MediaFormat;
import io.vinyldetective.api.Money;
import io.vinyldetective.api.PriceOracle;
import io.vinyldetective.api.PriceQuote;
import io.vinyldetective.api.Release;
import io.vinyldetective.api.Urgency;
import io.vinyldetective.engine.demo.RecordedApis;
import io.vinyldetective.engine.matching.ReleaseMatcher;
import io.vinyldetective.engine.pipeline.Pipeline;
import io.vinyldetective.engine.pipeline.PipelineAssembler;
import io.vinyldetective.engine.pipeline.PipelineSettings;
import io.vinyldetective.engine.storage.StorageSettings;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo's recorded APIs against the real plugin jars: the engine assembles the pipeline
 * ({@code ebay} source, {@code discogs} oracle, the three matcher tiers read through the oracle with
 * an empty catalog) from the built jars, pointed at {@link RecordedApis}, and polls the demo search
 * once as the demo does: search, match, details for what did not match, match again, price what
 * matched. The tests then check that each listing lands where the scenario says (see the README
 * next to the recordings).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoRecordingsTest {

    static final ListingQuery DEMO_SEARCH = new ListingQuery("jazz", MediaFormat.VINYL, null, "USD", false);
    static final List<String> PLUGINS = List.of("ebay", "discogs", "match-catalog", "match-barcode", "match-fuzzy");

    /** The intended outcome of each listing, newest first. */
    record Expected(String id, String price, String shipping, Long releaseId, String method, Grade grade) {
    }

    static final List<Expected> SCENARIO = List.of(
            new Expected("v1|385912047731|0", "39.00", "12.00", 3019967L, "catalog_no", Grade.VERY_GOOD_PLUS),
            new Expected("v1|276419833057|0", "9.99", "3.50", null, null, null),
            new Expected("v1|296583017462|0", "14.00", "6.00", 7698005L, "fuzzy", Grade.NEAR_MINT),
            new Expected("v1|305127794418|0", "27.00", "6.00", 3019955L, "catalog_no", Grade.NEAR_MINT),
            new Expected("v1|226074583190|0", "14.00", "4.50", 9342979L, "barcode", Grade.MINT),
            new Expected("v1|256893401127|0", "9.99", null, 3019950L, "catalog_no", Grade.VERY_GOOD),
            new Expected("v1|334871265509|0", "22.00", "5.00", 1586347L, "catalog_no", Grade.VERY_GOOD_PLUS),
            new Expected("v1|187302946655|0", "45.00", "15.00", null, null, null));

    @TempDir
    static Path dir;
    private RecordedApis apis;
    private ApplicationContext context;
    private Pipeline pipeline;
    private PriceOracle discogs;
    private List<Listing> listings;
    private final Map<String, Listing> detailed = new LinkedHashMap<>();
    private final Map<String, Optional<MatchResult>> matches = new LinkedHashMap<>();
    private final Map<Long, List<PriceQuote>> prices = new LinkedHashMap<>();
    private List<String> pollRequests;

    @BeforeAll
    void pollTheDemoSearchOnce() throws Exception {
        apis = RecordedApis.start();
        Path plugins = BuiltPlugins.copyInto(dir.resolve("plugins"), PLUGINS);
        Map<String, Object> settings = new HashMap<>();
        settings.put(StorageSettings.DATA_DIR, dir.resolve("data").toString());
        settings.put("vinyl-detective.plugins-dir", plugins.toString());
        settings.put("pipeline.sources", "ebay");
        settings.put("pipeline.oracle", "discogs");
        settings.put("pipeline.notifiers", "");
        settings.put("plugins.ebay.app-id", "demo-app-id");
        settings.put("plugins.ebay.cert-id", "demo-cert-id");
        settings.put("plugins.ebay.base-url", apis.baseUrl("ebay"));
        settings.put("plugins.discogs.token", "demo-token");
        settings.put("plugins.discogs.base-url", apis.baseUrl("discogs"));
        context = ApplicationContext.run(settings);
        pipeline = context.getBean(PipelineAssembler.class).assemble(context.getBean(PipelineSettings.class));
        ListingSource ebay = pipeline.sources().get(0).extension();
        discogs = pipeline.oracle().orElseThrow().extension();
        ReleaseMatcher matcher = new ReleaseMatcher(pipeline.matchers());

        listings = ebay.newListings(DEMO_SEARCH, id -> false);
        for (Listing listing : listings) {
            Optional<MatchResult> match = matcher.match(listing).match();
            if (match.isEmpty()) {
                Listing withDetails = ebay.details(listing).orElseThrow();
                detailed.put(listing.id(), withDetails);
                match = matcher.match(withDetails).match();
            }
            matches.put(listing.id(), match);
            if (match.isPresent()) {
                prices.computeIfAbsent(match.get().releaseId(), id -> discogs.prices(id, "USD", Urgency.LOOKUP));
            }
        }
        pollRequests = apis.requests();
    }

    @AfterAll
    void stop() {
        if (pipeline != null) {
            pipeline.close();
        }
        if (context != null) {
            context.close();
        }
        if (apis != null) {
            apis.close();
        }
    }

    @Test
    @DisplayName("eBay search: the eight listings newest first, with price, fixed shipping, seller and links")
    void theSearchGivesTheScenarioListings() {
        assertEquals(SCENARIO.stream().map(Expected::id).toList(), listings.stream().map(Listing::id).toList());
        for (int i = 0; i < SCENARIO.size(); i++) {
            Expected e = SCENARIO.get(i);
            Listing l = listings.get(i);
            assertEquals(new Money(new BigDecimal(e.price()), "USD"), l.price(), l.id());
            assertEquals(e.shipping() == null ? null : new Money(new BigDecimal(e.shipping()), "USD"), l.shipping(), l.id());
            assertEquals(MediaFormat.VINYL, l.format(), l.id());
            assertEquals("ebay", l.source());
            assertTrue(l.seller().username().endsWith("_demo") && l.seller().feedbackScore() > 0, l.id());
            assertEquals("https://www.ebay.com/itm/" + l.id().split("\\|")[1], l.webUrl(), "no campaign: the plain item URL");
            assertTrue(l.imageUrl().startsWith("https://i.ebayimg.com/images/g/"), l.id());
            assertTrue(i == 0 || l.createdAt().isBefore(listings.get(i - 1).createdAt()), "newest first");
        }
        assertNull(listings.get(5).landedCost(), "calculated shipping is unknown, never free");
    }

    @Test
    @DisplayName("each listing matches its intended release, by the intended tier, through the Discogs oracle")
    void eachListingMatchesAsIntended() {
        for (Expected e : SCENARIO) {
            Optional<MatchResult> match = matches.get(e.id());
            if (e.releaseId() == null) {
                assertTrue(match.isEmpty(), e.id() + " should match nothing: " + match);
                continue;
            }
            assertTrue(match.isPresent(), e.id() + " matched nothing");
            assertEquals(List.of(e.releaseId()), match.get().releaseIds(), e.id() + " " + match.get().reasons());
            assertEquals(e.method(), match.get().method(), e.id() + " " + match.get().reasons());
        }
        // Only the barcode listing needed its details: its title names no record, its getItem has the EAN.
        assertEquals("5060205157188", detailed.get("v1|226074583190|0").gtin());
        assertEquals(List.of("v1|276419833057|0", "v1|226074583190|0", "v1|187302946655|0"), List.copyOf(detailed.keySet()));
    }

    @Test
    @DisplayName("details: every listing has a getItem recording, and with its details it matches the same way")
    void detailsForEveryListing() {
        ListingSource ebay = pipeline.sources().get(0).extension();
        ReleaseMatcher matcher = new ReleaseMatcher(pipeline.matchers());
        for (int i = 0; i < SCENARIO.size(); i++) {
            Expected e = SCENARIO.get(i);
            Listing l = listings.get(i);
            Listing d = ebay.details(l).orElseThrow(() -> new AssertionError(l.id() + " has no getItem recording"));
            assertEquals(l.id(), d.id());
            assertFalse(d.aspects().isEmpty(), l.id());
            Optional<MatchResult> match = matcher.match(d).match();
            assertEquals(e.releaseId(), match.map(MatchResult::releaseId).orElse(null), l.id());
            assertEquals(e.method(), match.map(MatchResult::method).orElse(null), l.id());
        }
        Listing reissue = ebay.details(listings.get(3)).orElseThrow();
        assertEquals("ST-84024", reissue.aspect("Catalog Number"));
        assertNull(reissue.gtin());
    }

    @Test
    @DisplayName("prices: Discogs suggestions for all eight grades and the lowest listed price with copies for sale, in USD")
    void pricesByGrade() {
        assertEquals(List.of(3019967L, 7698005L, 3019955L, 9342979L, 3019950L, 1586347L), List.copyOf(prices.keySet()));
        for (Map.Entry<Long, List<PriceQuote>> e : prices.entrySet()) {
            List<PriceQuote> quotes = e.getValue();
            assertEquals(9, quotes.size(), "8 grades + lowest listed for " + e.getKey());
            assertTrue(quotes.stream().allMatch(q -> q.price().currency().equals("USD") && q.releaseId() == e.getKey()));
            PriceQuote lowest = quotes.stream().filter(q -> q.grade() == null).findFirst().orElseThrow();
            assertEquals("discogs:lowest_listed", lowest.source());
            assertTrue(lowest.forSale() != null && lowest.forSale() > 0, lowest.toString());
        }
        assertEquals(new BigDecimal("148.80"), suggestion(3019967L, Grade.VERY_GOOD_PLUS));
        assertEquals(7, prices.get(3019967L).get(0).forSale());
    }

    @Test
    @DisplayName("the scenario: three deals (catalog number, barcode, words), a fair price, a reissue, unknown shipping")
    void dealsAndNoDeals() {
        Map<String, Double> discount = new LinkedHashMap<>();
        for (int i = 0; i < SCENARIO.size(); i++) {
            Expected e = SCENARIO.get(i);
            Listing l = listings.get(i);
            if (e.releaseId() == null) {
                continue;
            }
            Money paid = l.landedCost() != null ? l.landedCost() : l.price();
            BigDecimal reference = suggestion(e.releaseId(), e.grade());
            discount.put(e.id(), 1 - paid.amount().divide(reference, 4, RoundingMode.HALF_UP).doubleValue());
        }
        assertEquals(0.657, discount.get("v1|385912047731|0"), 0.001, "Umiliani $39 + $12 against VG+ $148.80");
        assertEquals(0.571, discount.get("v1|226074583190|0"), 0.001, "Hidden Orchestra $14 + $4.50 against M $43.17");
        assertEquals(0.523, discount.get("v1|296583017462|0"), 0.001, "Ron Carter $14 + $6 against NM $41.90");
        assertEquals(0.053, discount.get("v1|305127794418|0"), 0.001, "McLean reissue $27 + $6 against its own NM $34.85");
        assertEquals(-0.097, discount.get("v1|334871265509|0"), 0.001, "Kenyatta $22 + $5 against VG+ $24.61: above");
        assertEquals(0.531, discount.get("v1|256893401127|0"), 0.001, "Ella & Louis $9.99 + ? against VG $21.30: price only");
    }

    @Test
    @DisplayName("the reissue's title finds the 1960 original too, priced at twenty times the reissue")
    void theReissueSharesItsTitleWithAnExpensiveOriginal() {
        List<Release> byTitle = discogs.searchReleases(null, "swingin jackie", null, Urgency.LOOKUP);
        assertEquals(List.of(90004024L, 3019955L), byTitle.stream().map(Release::id).toList());
        assertEquals(List.of(1960, 1978), byTitle.stream().map(Release::year).toList());
        BigDecimal original = discogs.prices(90004024L, "USD", Urgency.LOOKUP).stream()
                .filter(q -> q.grade() == Grade.NEAR_MINT).findFirst().orElseThrow().price().amount();
        assertEquals(new BigDecimal("665.85"), original);
        assertTrue(original.compareTo(suggestion(3019955L, Grade.NEAR_MINT).multiply(BigDecimal.valueOf(15))) > 0);
        assertEquals(List.of(3019955L), matches.get("v1|305127794418|0").orElseThrow().releaseIds(),
                "the catalog number picks the reissue");
    }

    @Test
    @DisplayName("a demo poll stays well inside one minute's rate limit (both APIs share the loopback host)")
    void aPollCostsFewRequests() {
        long ebayCalls = pollRequests.stream().filter(r -> r.contains(" /ebay/")).count();
        long discogsCalls = pollRequests.stream().filter(r -> r.contains(" /discogs/")).count();
        System.out.println("demo poll: " + ebayCalls + " eBay and " + discogsCalls + " Discogs requests");
        pollRequests.forEach(System.out::println);
        assertEquals(5, ebayCalls, "token, search, three getItem");
        assertTrue(ebayCalls + discogsCalls <= 45, "the Discogs plugin paces the loopback host at 50 a minute: "
                + (ebayCalls + discogsCalls));
    }

    private BigDecimal suggestion(long releaseId, Grade grade) {
        List<PriceQuote> quotes = prices.containsKey(releaseId) ? prices.get(releaseId)
                : discogs.prices(releaseId, "USD", Urgency.LOOKUP);
        return quotes.stream().filter(q -> q.grade() == grade).findFirst().orElseThrow().price().amount();
    }
}
