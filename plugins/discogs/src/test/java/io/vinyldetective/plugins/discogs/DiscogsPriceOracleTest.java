package io.vinyldetective.plugins.discogs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vinyldetective.api.Grade;
import io.vinyldetective.api.HttpCall;
import io.vinyldetective.api.MediaFormat;
import io.vinyldetective.api.Money;
import io.vinyldetective.api.PluginException;
import io.vinyldetective.api.PriceQuote;
import io.vinyldetective.api.Release;
import io.vinyldetective.api.Urgency;
import io.vinyldetective.plugins.discogs.FakeDiscogs.Scripted;
import io.vinyldetective.plugins.discogs.FakeDiscogs.Seen;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The oracle against a loopback fake Discogs built from the recorded answers, through the engine's
 * real HTTP gateway. Discogs' one-minute window is scaled down to {@link #WINDOW} so limits show quickly.
 */
class DiscogsPriceOracleTest {

    static final Duration WINDOW = Duration.ofMillis(1000);

    private FakeDiscogs fake;
    private TestContext context;
    private DiscogsPriceOracle oracle;

    @BeforeEach
    void start() throws Exception {
        fake = FakeDiscogs.start();
        oracle = started("requests-per-minute", "50");
    }

    @AfterEach
    void stop() {
        oracle.stop();
        fake.close();
    }

    private DiscogsPriceOracle started(String... settings) {
        DiscogsPriceOracle o = new DiscogsPriceOracle(WINDOW);
        context = new TestContext(o.configKeys(), TestContext.settings(fake.baseUrl(), settings), Clock.systemUTC());
        o.start(context);
        return o;
    }

    // --- catalog on demand ------------------------------------------------------------------------

    @Test
    void aCatalogNumberWithSeveralPressingsCostsOneSearch() {
        List<Release> releases = oracle.releasesByCatalogNumber("APW-2", Urgency.LOOKUP);

        assertEquals(List.of(11849140L, 13416116L), releases.stream().map(Release::id).toList(), "the master is left out");
        assertEquals(1, fake.hits());
        Seen search = fake.seen().get(0);
        assertEquals("/database/search", search.path());
        assertEquals(Map.of("type", "release", "catno", "APW-2", "per_page", "50"), search.query());
        assertEquals("Discogs token=" + FakeDiscogs.TOKEN, search.authorization());
        assertTrue(search.userAgent().matches("VinylDetective/\\S+ \\(discogs plugin\\)"), search.userAgent());
        assertEquals(DiscogsClient.ACCEPT, search.accept());
    }

    @Test
    void aCatalogNumberWithOneReleaseIsFetchedInFullWithEveryLabelAndBarcode() {
        List<Release> releases = oracle.releasesByCatalogNumber("sicp-3222", Urgency.LOOKUP);

        assertEquals(1, releases.size());
        Release r = releases.get(0);
        assertEquals(List.of(new Release.LabelCatalogNumber("Sony Records Int'l", "SICP 3222"),
                new Release.LabelCatalogNumber("RCA", null)), r.labels());
        assertEquals(List.of("4547366060447"), r.barcodes());
        assertEquals(List.of("/database/search", "/releases/3019961"), fake.seen().stream().map(Seen::path).toList());
    }

    @Test
    void aBarcodeLooksUpItsRelease() {
        List<Release> releases = oracle.releasesByBarcode("4 988002 391929", Urgency.LOOKUP);

        assertEquals(List.of(7698059L), releases.stream().map(Release::id).toList());
        assertEquals(List.of("Down By Law"), releases.get(0).artists());
        assertEquals("4988002391929", fake.seen().get(0).query().get("barcode"));
        assertEquals(2, fake.hits());
    }

    @Test
    void anArtistAndTitleSearchCanBeNarrowedToAFormat() {
        List<Release> any = oracle.searchReleases("Nirvana", "Nevermind", null, Urgency.LOOKUP);
        oracle.searchReleases("Nirvana", "Nevermind", MediaFormat.VINYL, Urgency.LOOKUP);

        assertEquals(List.of(2028757L, 1852962L, 3058947L), any.stream().map(Release::id).toList());
        assertEquals(List.of("Nirvana"), any.get(0).artists());
        assertEquals(Map.of("type", "release", "artist", "Nirvana", "release_title", "Nevermind", "per_page", "50"),
                fake.seen().get(0).query());
        assertEquals("Vinyl", fake.seen().get(1).query().get("format"));
    }

    @Test
    void withoutAnArtistTheTextIsSearchedAsFreeText() {
        oracle.searchReleases(null, "nirvana nevermind", null, Urgency.LOOKUP);

        assertEquals(Map.of("type", "release", "q", "nirvana nevermind", "per_page", "50"), fake.seen().get(0).query());
    }

    @Test
    void aFullReleaseById() {
        Release r = oracle.release(249504, Urgency.LOOKUP).orElseThrow();

        assertEquals("Never Gonna Give You Up", r.title());
        assertEquals(List.of("5012394144777"), r.barcodes());
    }

    @Test
    void negativeAnswersAreRememberedAndCostNothingTheSecondTime() {
        assertEquals(List.of(), oracle.releasesByCatalogNumber("XYZ 0001", Urgency.LOOKUP));
        assertEquals(List.of(), oracle.releasesByCatalogNumber("xyz-0001", Urgency.LOOKUP));
        assertEquals(Optional.empty(), oracle.release(1234, Urgency.LOOKUP));
        assertEquals(Optional.empty(), oracle.release(1234, Urgency.LOOKUP));
        assertEquals(List.of(), oracle.prices(1234, "USD", Urgency.BACKGROUND));

        assertEquals(2, fake.hits());
    }

    @Test
    void pricingAReleaseDiscogsDoesNotHaveGivesNothingAndIsRemembered() {
        assertEquals(List.of(), oracle.prices(4321, "USD", Urgency.BACKGROUND));
        assertEquals(List.of(), oracle.prices(4321, "EUR", Urgency.BACKGROUND));
        assertEquals(Optional.empty(), oracle.release(4321, Urgency.LOOKUP));

        assertEquals(List.of("/marketplace/stats/4321"), fake.seen().stream().map(Seen::path).toList());
    }

    @Test
    void placeholdersAndNonBarcodesCostNoRequest() {
        assertEquals(List.of(), oracle.releasesByCatalogNumber("none", Urgency.LOOKUP));
        assertEquals(List.of(), oracle.releasesByCatalogNumber("  N/A ", Urgency.LOOKUP));
        assertEquals(List.of(), oracle.releasesByBarcode("APW-2 A", Urgency.LOOKUP));
        assertEquals(List.of(), oracle.searchReleases(" ", null, null, Urgency.LOOKUP));

        assertEquals(0, fake.hits());
    }

    // --- prices -----------------------------------------------------------------------------------

    @Test
    void pricesAreSuggestionsPerGradePlusTheLowestListedWithTheNumberForSale() {
        List<PriceQuote> quotes = oracle.prices(249504, "usd", Urgency.LIVE);

        assertEquals(9, quotes.size());
        PriceQuote vgPlus = quotes.stream().filter(q -> q.grade() == Grade.VERY_GOOD_PLUS).findFirst().orElseThrow();
        assertEquals(Money.of("9.80", "USD"), vgPlus.price());
        assertEquals("discogs:price_suggestion", vgPlus.source());
        assertEquals(26, vgPlus.forSale());
        PriceQuote lowest = quotes.get(8);
        assertEquals(new PriceQuote(249504, Money.of("2.09", "USD"), null, "discogs:lowest_listed", 26, lowest.asOf()), lowest);
        assertEquals(Map.of("curr_abbr", "USD"), fake.seen().stream().filter(s -> s.path().startsWith("/marketplace/stats"))
                .findFirst().orElseThrow().query());
        assertEquals(2, fake.hits());
    }

    @Test
    void noSuggestionsLeaveTheLowestListed() {
        fake.suggestions(FakeDiscogs.Suggestions.EMPTY);

        List<PriceQuote> quotes = oracle.prices(249504, "USD", Urgency.LIVE);

        assertEquals(List.of("discogs:lowest_listed"), quotes.stream().map(PriceQuote::source).toList());
    }

    @Test
    void forbiddenSuggestionsDegradeToTheLowestListedAndAreNotAskedAgain() {
        fake.suggestions(FakeDiscogs.Suggestions.FORBIDDEN);

        List<PriceQuote> first = oracle.prices(249504, "USD", Urgency.LIVE);
        List<PriceQuote> second = oracle.prices(71989, "USD", Urgency.LIVE);

        assertEquals(List.of("discogs:lowest_listed"), first.stream().map(PriceQuote::source).toList());
        assertEquals(1, second.size());
        assertEquals(1, fake.hits("/marketplace/price_suggestions"));
        assertEquals(2, fake.hits("/marketplace/stats"));
    }

    @Test
    void nothingForSaleGivesSuggestionsWithZeroForSaleAndNoLowestPrice() {
        fake.stats(FakeDiscogs.Stats.NONE_FOR_SALE);

        List<PriceQuote> quotes = oracle.prices(249504, "USD", Urgency.BACKGROUND);

        assertEquals(8, quotes.size());
        assertTrue(quotes.stream().allMatch(q -> q.grade() != null && q.forSale() == 0));
    }

    @Test
    void suggestionsInTheSellersOtherCurrencyAreDroppedNotConverted() {
        fake.suggestions(FakeDiscogs.Suggestions.OTHER_CURRENCY);

        List<PriceQuote> quotes = oracle.prices(249504, "USD", Urgency.BACKGROUND);

        assertEquals(List.of("discogs:lowest_listed"), quotes.stream().map(PriceQuote::source).toList());
    }

    @Test
    void unknownConditionKeysAreSkippedOneByOne() {
        fake.suggestions(FakeDiscogs.Suggestions.ODD_KEYS);

        List<PriceQuote> quotes = oracle.prices(249504, "USD", Urgency.BACKGROUND);

        assertEquals(2, quotes.size());
        assertEquals(Grade.VERY_GOOD_PLUS, quotes.get(0).grade());
    }

    @Test
    void aCurrencyDiscogsDoesNotQuoteGivesNothingAndCostsNothing() {
        assertEquals(List.of(), oracle.prices(249504, "PLN", Urgency.LIVE));
        assertEquals(0, fake.hits());
    }

    @Test
    void theUrgencyAskedForTravelsWithEveryRequest() {
        oracle.prices(249504, "USD", Urgency.LIVE);
        oracle.releasesByCatalogNumber("APW-2", Urgency.LOOKUP);
        oracle.release(71989, Urgency.BACKGROUND);

        assertEquals(List.of(Urgency.LIVE, Urgency.LIVE, Urgency.LOOKUP, Urgency.BACKGROUND),
                context.calls.stream().map(HttpCall::urgency).toList());
    }

    // --- bad answers ------------------------------------------------------------------------------

    @Test
    void anHtmlErrorPageIsABadItemAndTheNextRequestWorks() {
        fake.then("/database/search", Scripted.of(200, "<!DOCTYPE html><html><body>Bad gateway</body></html>"));

        PluginException.BadItem e = assertThrows(PluginException.BadItem.class,
                () -> oracle.releasesByCatalogNumber("APW-2", Urgency.LOOKUP));

        assertTrue(e.getMessage().contains("HTML"), e.getMessage());
        assertEquals(2, oracle.releasesByCatalogNumber("APW-2", Urgency.LOOKUP).size(), "not remembered as 'none'");
    }

    @Test
    void truncatedJsonForAReleaseIsABadItem() {
        fake.then("/releases/249504", Scripted.of(200, "{\"id\": 249504, \"title\": \"Never Gonna"));

        assertThrows(PluginException.BadItem.class, () -> oracle.release(249504, Urgency.LOOKUP));
        assertTrue(oracle.release(249504, Urgency.LOOKUP).isPresent());
    }

    @Test
    void searchResultsWithoutIdOrTitleAreSkipped() {
        fake.then("/database/search", Scripted.of(200, "{\"results\": [{\"type\": \"release\", \"title\": \"A - B\"},"
                + " {\"type\": \"release\", \"id\": 7, \"title\": \"A - B\", \"catno\": \"QQ 1\"}, \"junk\","
                + " {\"type\": \"release\", \"id\": 8, \"catno\": \"QQ 1\"}]}"));

        List<Release> releases = oracle.releasesByCatalogNumber("QQ 1", Urgency.LOOKUP);

        assertEquals(List.of(7L), releases.stream().map(Release::id).toList(), "7 is not at Discogs: the summary stays");
    }

    @Test
    void malformedMarketplaceAnswersLeaveWhatIsUsable() {
        fake.then("/marketplace/price_suggestions", Scripted.of(200, "{\"Mint (M)\": {\"currency\": \"USD\", \"val"));

        List<PriceQuote> quotes = oracle.prices(249504, "USD", Urgency.LIVE);

        assertEquals(List.of("discogs:lowest_listed"), quotes.stream().map(PriceQuote::source).toList());
    }

    @Test
    void aRefusedTokenIsRetryLaterNotACrash() {
        DiscogsPriceOracle wrongToken = started("token", "not-the-token");

        PluginException.RetryLater e = assertThrows(PluginException.RetryLater.class,
                () -> wrongToken.releasesByCatalogNumber("APW-2", Urgency.LOOKUP));

        assertTrue(e.getMessage().contains("401"), e.getMessage());
        assertFalse(e.getMessage().contains("not-the-token"), e.getMessage());
    }

    // --- rate limits and retries ------------------------------------------------------------------

    @Test
    void a429WithoutRetryAfterDelaysTheRequestByAWindowAndLosesNothing() {
        fake.then("/database/search", Scripted.of(429, FakeDiscogs.TOO_MANY));

        List<Release> releases = oracle.releasesByCatalogNumber("APW-2", Urgency.LOOKUP);

        assertEquals(2, releases.size());
        List<Seen> seen = fake.seen();
        assertEquals(List.of(429, 200), seen.stream().map(Seen::status).toList());
        long gap = TimeUnit.NANOSECONDS.toMillis(seen.get(1).nanos() - seen.get(0).nanos());
        assertTrue(gap >= WINDOW.toMillis() - 50, "retried after " + gap + " ms");
    }

    @Test
    void a429RetryAfterIsHonoured() {
        fake.then("/marketplace/stats", Scripted.of(429, FakeDiscogs.TOO_MANY).withHeader("Retry-After", "2"));

        List<PriceQuote> quotes = oracle.prices(249504, "USD", Urgency.LIVE);

        assertEquals(9, quotes.size());
        List<Seen> stats = fake.seen().stream().filter(s -> s.path().startsWith("/marketplace/stats")).toList();
        long gap = TimeUnit.NANOSECONDS.toMillis(stats.get(1).nanos() - stats.get(0).nanos());
        assertTrue(gap >= 1950, "retried after " + gap + " ms");
    }

    @Test
    void serverErrorsAreRetriedWithBackoffThenGiveRetryLater() {
        fake.then("/releases/71989", Scripted.of(500, "{\"message\": \"Query time exceeded.\"}"),
                Scripted.of(502, "<html>bad gateway</html>"));

        assertTrue(oracle.release(71989, Urgency.LOOKUP).isPresent());
        assertEquals(3, fake.hits("/releases/71989"));

        Scripted error = new Scripted(500, Map.of(), FakeDiscogs.recorded("discogs_official_docs_search_500.json"));
        fake.then("/database/search", error, error, error, error, error);
        assertThrows(PluginException.RetryLater.class, () -> oracle.releasesByCatalogNumber("APW-2", Urgency.LOOKUP));
        assertEquals(5, fake.hits("/database/search"));
    }

    @Test
    void aBurstStaysUnderTheLimitWithNo429AndNothingLost() throws Exception {
        fake.limit(6, WINDOW);
        DiscogsPriceOracle paced = started("requests-per-minute", "4");
        warmUp(paced);

        long start = System.nanoTime();
        List<List<Release>> answers = inParallel(20, i -> paced.releasesByCatalogNumber("SYN-" + i, Urgency.LOOKUP));
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

        assertTrue(answers.stream().allMatch(a -> a.size() == 1));
        assertEquals(0, fake.tooMany(), fake::arrivals);
        // 4 per window, counted as requests leave; one more may arrive in a window after a slow trip.
        assertTrue(fake.mostInAnyWindow() <= 5, "most in a window: " + fake.mostInAnyWindow() + " " + fake.arrivals());
        assertEquals(41, fake.hits());
        assertTrue(millis >= 9 * WINDOW.toMillis(), "40 requests at 4 per window took " + millis + " ms");
    }

    @Test
    void whenTheLimitIsSetTooHighThe429sDelayButLoseNothing() throws Exception {
        fake.limit(5, WINDOW);
        DiscogsPriceOracle tooFast = started("requests-per-minute", "20", "search-cache", "0s");

        List<List<Release>> answers = inParallel(12, i -> tooFast.releasesByCatalogNumber("APW-2", Urgency.LOOKUP));

        assertTrue(answers.stream().allMatch(a -> a.size() == 2), "every request answered");
        assertTrue(fake.mostInAnyWindow() <= 5);
    }

    @Test
    void theRemainingHeaderSlowsUsDownBeforeDiscogsSays429() throws Exception {
        fake.limit(10, WINDOW).externalUse(4);
        DiscogsPriceOracle paced = started("requests-per-minute", "9");
        warmUp(paced);

        inParallel(15, i -> paced.releasesByCatalogNumber("SYN-" + i, Urgency.LOOKUP));

        assertEquals(0, fake.tooMany(), () -> "the configured 9 plus 4 used elsewhere would overrun 10: "
                + fake.arrivals() + " " + context.limits);
        assertTrue(fake.mostInAnyWindow() <= 6, "most in a window: " + fake.mostInAnyWindow());
        assertTrue(context.limits.stream().anyMatch(l -> l.endsWith(" 5/1050ms")), context.limits::toString);
        assertTrue(paced.budget().orElseThrow().remaining() <= 6, paced.budget()::toString);
        assertEquals(10, paced.budget().orElseThrow().limit());
    }

    // --- economy ----------------------------------------------------------------------------------

    @Test
    void economyAtMostTwoRequestsPerNewCatalogNumberAndPerPricing() {
        for (int i = 0; i < 10; i++) {
            oracle.releasesByCatalogNumber("SYN-" + i, Urgency.LOOKUP);
        }
        int perCatalogNumber = fake.hits() / 10;
        for (int i = 0; i < 10; i++) {
            oracle.releasesByCatalogNumber("SYN-" + i, Urgency.LOOKUP);
        }
        int again = fake.hits() - 10 * perCatalogNumber;
        int before = fake.hits();
        oracle.prices(900_001, "USD", Urgency.BACKGROUND);
        int perPricing = fake.hits() - before;

        assertTrue(perCatalogNumber <= 2, "requests per new catalog number: " + perCatalogNumber);
        assertEquals(0, again, "a catalog number seen again within search-cache costs nothing");
        assertTrue(perPricing <= 2, "requests per pricing: " + perPricing);
    }

    /**
     * One request, then a quiet window: the JVM's first connections take a while, and at a window of
     * one second that delay alone would let a slow first request meet the next window's first ones.
     */
    private static void warmUp(DiscogsPriceOracle oracle) throws InterruptedException {
        oracle.release(249504, Urgency.LOOKUP);
        Thread.sleep(WINDOW.toMillis() + 100);
    }

    private static <T> List<T> inParallel(int n, java.util.function.IntFunction<T> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(n, 16));
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int index = i;
                futures.add(pool.submit(() -> task.apply(index)));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get(60, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
