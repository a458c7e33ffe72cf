package io.vinyldetective.engine.polling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.ApplicationContext;
import io.vinyldetective.api.Alert;
import io.vinyldetective.api.Budget;
import io.vinyldetective.api.Delivery;
import io.vinyldetective.api.Notifier;
import io.vinyldetective.api.Grade;
import io.vinyldetective.api.Listing;
import io.vinyldetective.api.ListingQuery;
import io.vinyldetective.api.ListingSource;
import io.vinyldetective.api.MatchResult;
import io.vinyldetective.api.MatcherTier;
import io.vinyldetective.api.MediaFormat;
import io.vinyldetective.api.Money;
import io.vinyldetective.api.PluginContext;
import io.vinyldetective.api.PluginException;
import io.vinyldetective.api.PriceOracle;
import io.vinyldetective.api.PriceQuote;
import io.vinyldetective.api.Release;
import io.vinyldetective.api.Urgency;
import io.vinyldetective.engine.MutableClock;
import io.vinyldetective.engine.alerts.AlertOutbox;
import io.vinyldetective.engine.bot.BotSettings;
import io.vinyldetective.engine.bot.ChatFeedback;
import io.vinyldetective.engine.catalog.CatalogStore;
import io.vinyldetective.engine.pipeline.TestPipelines;
import io.vinyldetective.engine.pricing.PriceBook;
import io.vinyldetective.engine.storage.EngineDatabase;
import io.vinyldetective.engine.storage.SavedSearch;
import io.vinyldetective.engine.storage.SavedSearchRepository;
import io.vinyldetective.engine.storage.StorageSettings;
import io.vinyldetective.engine.wants.WantSettings;
import io.vinyldetective.engine.wants.WatchBatches;
import io.vinyldetective.engine.wants.WatchScopes;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scheduler and the per-poll pipeline on a real SQLite file, with in-process source, tier and
 * oracle: what gets polled when, what is alerted to whom, and what a failure costs.
 */
class PollerTest {

    private static final String ME = "111";
    private static final String YOU = "222";
    private static final long KIND_OF_BLUE = 1355;
    private static final long REISSUE = 9999;

    @TempDir
    Path dir;
    private ApplicationContext context;
    private SavedSearchRepository searches;
    private EngineDatabase database;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T12:00:00Z"));
    private final Source source = new Source();
    private final Oracle oracle = new Oracle();
    private Poller poller;

    /** A marketplace whose listings the test sets; answers like the eBay plugin (newest first, stops at seen). */
    private static final class Source implements ListingSource {
        final List<Listing> live = new CopyOnWriteArrayList<>();
        final List<String> queries = new ArrayList<>();
        /** Auctions the marketplace holds, and the end bounds it was asked with. */
        final List<Listing> auctions = new CopyOnWriteArrayList<>();
        final List<Instant> auctionAsks = new ArrayList<>();
        Budget budget;
        RuntimeException failNext;

        @Override
        public void start(PluginContext context) {
        }

        @Override
        public List<Listing> newListings(ListingQuery query, Predicate<String> alreadySeen) {
            queries.add(query.text());
            if (failNext != null) {
                RuntimeException e = failNext;
                failNext = null;
                throw e;
            }
            if (budget != null) {
                budget = new Budget(budget.limit(), budget.remaining() - 1, budget.resetsAt());
            }
            List<Listing> fresh = new ArrayList<>();
            for (int i = live.size() - 1; i >= 0; i--) {
                if (alreadySeen.test(live.get(i).id())) {
                    break;
                }
                fresh.add(live.get(i));
            }
            return fresh;
        }

        @Override
        public List<Listing> endingAuctions(ListingQuery query, Instant endingBefore) {
            assertTrue(query.includeAuctions());
            auctionAsks.add(endingBefore);
            return auctions.stream().filter(a -> a.endsAt().isBefore(endingBefore))
                    .sorted(java.util.Comparator.comparing(Listing::endsAt)).toList();
        }

        @Override
        public boolean auctions() {
            return true;
        }

        @Override
        public Optional<Budget> budget() {
            return Optional.ofNullable(budget);
        }
    }

    /** Prices: Kind of Blue VG+ 120, lowest listed 100 (20 for sale); the reissue 25. */
    private static final class Oracle implements PriceOracle {
        int unavailable;
        int asked;
        Long failOnceFor;

        @Override
        public void start(PluginContext context) {
        }

        @Override
        public List<PriceQuote> prices(long releaseId, String currency, Urgency urgency) {
            asked++;
            if (failOnceFor != null && failOnceFor == releaseId) {
                failOnceFor = null;
                throw new PluginException.RetryLater("429 from the fake", Duration.ofSeconds(5));
            }
            if (unavailable > 0) {
                unavailable--;
                throw new PluginException.RetryLater("429 from the fake", Duration.ofSeconds(5));
            }
            Instant now = Instant.parse("2026-11-25T00:00:00Z");
            if (releaseId == KIND_OF_BLUE) {
                return List.of(new PriceQuote(releaseId, Money.of("120.00", currency), Grade.VERY_GOOD_PLUS,
                                "discogs:price_suggestion", null, now),
                        new PriceQuote(releaseId, Money.of("100.00", currency), null, "discogs:lowest_listed", 20, now));
            }
            return List.of(new PriceQuote(releaseId, Money.of("25.00", currency), Grade.VERY_GOOD_PLUS,
                    "discogs:price_suggestion", null, now),
                    new PriceQuote(releaseId, Money.of("22.00", currency), null, "discogs:lowest_listed", 40, now));
        }
    }

    /** Catalog number in the title: CL 1355 is the original, CS 8163 the cheap reissue. */
    private static final class CatnoTier implements MatcherTier {
        @Override
        public void start(PluginContext context) {
        }

        @Override
        public String method() {
            return "catalog_no";
        }

        @Override
        public Optional<MatchResult> match(Listing listing) {
            if (listing.title().contains("CL 1355")) {
                return Optional.of(new MatchResult(List.of(KIND_OF_BLUE), "catalog_no", 0.97, List.of("catalog number CL 1355")));
            }
            if (listing.title().contains("CS 8163")) {
                return Optional.of(new MatchResult(List.of(REISSUE), "catalog_no", 0.97, List.of("catalog number CS 8163")));
            }
            return Optional.empty();
        }
    }

    @BeforeEach
    void start() {
        context = ApplicationContext.run(Map.of(StorageSettings.DATA_DIR, dir.toString()));
        searches = context.getBean(SavedSearchRepository.class);
        database = context.getBean(EngineDatabase.class);
        CatalogStore catalog = context.getBean(CatalogStore.class);
        catalog.upsert(new Release(KIND_OF_BLUE, "Kind Of Blue", List.of("Miles Davis"),
                List.of(new Release.LabelCatalogNumber("Columbia", "CL 1355")), List.of(), MediaFormat.VINYL,
                "Vinyl, LP, Album, Mono", "US", 1959, null), "test");
        catalog.upsert(new Release(REISSUE, "Kind Of Blue", List.of("Miles Davis"),
                List.of(new Release.LabelCatalogNumber("Columbia", "CS 8163")), List.of(), MediaFormat.VINYL,
                "Vinyl, LP, Album, Reissue", "Europe", 2015, null), "test");
        poller = poller(PollSettings.defaults());
    }

    private Poller poller(PollSettings settings) {
        ChatFeedback feedback = context.getBean(ChatFeedback.class);
        Poller poller = new Poller(searches, new SeenListings(database.dataSource(), clock), context.getBean(CatalogStore.class),
                new PriceBook(database, clock, Duration.ofDays(7)), new AlertOutbox(database, feedback, clock), feedback,
                BotSettings.allowing(ME + "," + YOU), settings, clock, context.getBean(WatchBatches.class),
                context.getBean(WatchScopes.class), WantSettings.defaults());
        poller.attach(TestPipelines.of(source, oracle, List.of(new CatnoTier()), new Notifier() {
            @Override
            public void start(PluginContext context) {
            }

            @Override
            public Delivery deliver(Alert alert) {
                return Delivery.delivered();
            }
        }));
        return poller;
    }

    @AfterEach
    void stop() {
        context.close();
    }

    private SavedSearch save(String chat, String query, double threshold) {
        return save(chat, query, threshold, false);
    }

    private SavedSearch save(String chat, String query, double threshold, boolean auctions) {
        SavedSearch s = searches.save(new SavedSearch(null, chat, query, MediaFormat.VINYL.name(), null, null, threshold,
                1800, true, clock.instant(), null, false, auctions));
        poller.pollSoon(s);
        return s;
    }

    /** An auction-only listing at its current bid, ending {@code endsIn} from now. */
    private Listing auction(String title, String bid, String shipping, Duration endsIn) {
        Listing l = listing(title, bid, shipping, "bob");
        return new Listing(l.id(), l.source(), l.title(), l.price(), l.shipping(), l.condition(), l.conditionId(), l.format(),
                l.gtin(), l.aspects(), l.seller(), List.of(Listing.AUCTION), l.price(), null, l.webUrl(), l.createdAt(),
                clock.instant().plus(endsIn), 4);
    }

    @Test
    void anAuctionIsAlertedOnceAtItsCurrentBidWhenAboutHalfAnHourIsLeft() throws SQLException {
        source.auctions.add(auction("Miles Davis Kind Of Blue CL 1355 LP auction", "40.00", "5.00", Duration.ofHours(3)));
        save(ME, "miles davis", 0.25, true);
        save(YOU, "miles davis", 0.25, false);

        poller.runDue();
        assertEquals(List.of(Instant.parse("2026-11-25T13:00:00Z")), source.auctionAsks,
                "asked for auctions ending within the lead (30 min) and the interval (30 min)");
        assertEquals(List.of(), queued(), "three hours left: too early");

        clock.advance(Duration.ofMinutes(150)); // 30 min left
        poller.runDue();
        assertEquals(List.of(ME + ": Miles Davis Kind Of Blue CL 1355 LP auction"), queued(),
                "45.00 landed against 120: a deal, for the search that asked for auctions only");
        clock.advance(Duration.ofMinutes(20));
        poller.runDue();
        assertEquals(1, queued().size(), "once");
    }

    @Test
    void anAuctionIsLookedAtWhenItsTimeLeftIsNearestTheLeadAndNotWhenItIsTooLateToBid() throws SQLException {
        source.auctions.add(auction("Miles Davis Kind Of Blue CL 1355 LP ends soon", "40.00", "5.00", Duration.ofMinutes(50)));
        source.auctions.add(auction("Miles Davis Kind Of Blue CL 1355 LP last minute", "40.00", "5.00", Duration.ofSeconds(90)));
        save(ME, "miles davis", 0.25, true);

        poller.runDue();
        assertEquals(List.of(), queued(), "50 min left is over the lead plus half the interval (45 min); 90 s is too late");
        clock.advance(Duration.ofMinutes(30));
        poller.runDue();
        assertEquals(List.of(ME + ": Miles Davis Kind Of Blue CL 1355 LP ends soon"), queued(), "20 min left at the next look");
    }

    @Test
    void anAuctionBidUpPastTheDealIsNotAlertedAndSearchesWithoutAuctionsNeverAsk() throws SQLException {
        source.auctions.add(auction("Miles Davis Kind Of Blue CL 1355 LP high bid", "110.00", "5.00", Duration.ofMinutes(25)));
        save(YOU, "miles davis", 0.25, false);
        poller.runDue();
        assertEquals(List.of(), source.auctionAsks, "no search asked for auctions");

        save(ME, "miles davis", 0.25, true);
        poller.runDue();
        assertEquals(1, source.auctionAsks.size());
        assertEquals(List.of(), queued(), "115.00 landed is not 25 % under 120");
    }

    private static int next = 1;

    private static Listing listing(String title, String price, String shipping, String seller) {
        return new Listing("v1|" + (100000 + next++) + "|0", "ebay", title, Money.of(price, "USD"),
                shipping == null ? null : Money.of(shipping, "USD"), "Pre-owned", "3000", MediaFormat.VINYL, null, Map.of(),
                new Listing.Seller(seller, 250, 99.8), List.of("FIXED_PRICE"), null, null,
                "https://www.ebay.com/itm/1?campid=42", Instant.parse("2026-11-25T11:00:00Z"));
    }

    /** (chat, listing title) of every queued alert, oldest first. */
    private List<String> queued() throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT o.chat_id, l.title FROM alert_outbox o JOIN ebay_listings l"
                     + " ON l.id = o.listing_id ORDER BY o.id")) {
            while (rs.next()) {
                rows.add(rs.getString(1) + ": " + rs.getString(2));
            }
        }
        return rows;
    }

    @Test
    void aNewSearchIsPolledAtOnceAndOnlyTheUnderpricedListingIsQueued() throws SQLException {
        source.live.add(listing("Miles Davis Kind Of Blue CL 1355 LP VG+", "40.00", "6.00", "alice"));
        source.live.add(listing("Miles Davis Kind Of Blue CL 1355 LP VG+ nice copy", "110.00", "6.00", "bob"));
        source.live.add(listing("Miles Davis Kind Of Blue T-shirt XL", "15.00", "4.00", "carol"));
        source.live.add(listing("Miles Davis Kind Of Blue CS 8163 180g reissue", "20.00", "5.00", "dave"));
        source.live.add(listing("Miles Davis Kind Of Blue CL 1355 shipping calculated", "30.00", null, "erin"));
        save(ME, "miles davis kind of blue", 0.25);

        assertEquals(1, poller.runDue());

        assertEquals(List.of(ME + ": Miles Davis Kind Of Blue CL 1355 LP VG+"), queued());
        assertEquals(1, source.queries.size());
        assertEquals(clock.instant(), searches.findByActiveTrue().get(0).lastPolledAt());
    }

    @Test
    void aSearchWaitsForItsIntervalAndSeenListingsAreNotProcessedAgain() throws SQLException {
        source.live.add(listing("Miles Davis Kind Of Blue CL 1355 LP", "40.00", "6.00", "alice"));
        save(ME, "miles davis kind of blue", 0.25);
        poller.runDue();
        int priced = oracle.asked;

        clock.advance(Duration.ofMinutes(29));
        assertEquals(0, poller.runDue(), "not due before its 30 min interval");
        clock.advance(Duration.ofMinutes(1));
        assertEquals(1, poller.runDue());
        assertEquals(priced, oracle.asked, "nothing new: no price asked");

        source.live.add(listing("Miles Davis Kind Of Blue CL 1355 original", "50.00", "5.00", "frank"));
        clock.advance(Duration.ofMinutes(30));
        poller.runDue();
        assertEquals(2, queued().size());
    }

    @Test
    void searchesSharingAQueryShareOneCallAndEachUsesItsOwnThreshold() throws SQLException {
        // 120 VG+ / 100 lowest listed; unknown grade → reference 100; landed 70 → 30 % below.
        source.live.add(listing("Miles Davis Kind Of Blue CL 1355", "64.00", "6.00", "alice"));
        save(ME, "Miles Davis  Kind of Blue", 0.25);
        save(YOU, "miles davis kind of blue", 0.5);

        assertEquals(1, poller.runDue());

        assertEquals(1, source.queries.size(), "one marketplace call for both searches");
        assertEquals(List.of(ME + ": Miles Davis Kind Of Blue CL 1355"), queued());
    }

    @Test
    void aRelistBySameSellerWithSameTitleIsNotAlertedTwice() throws SQLException {
        source.live.add(listing("Miles Davis Kind Of Blue CL 1355 LP", "40.00", "6.00", "alice"));
        save(ME, "miles davis kind of blue", 0.25);
        poller.runDue();
        source.live.add(listing("Miles Davis Kind Of Blue CL 1355 LP", "39.00", "6.00", "alice"));
        clock.advance(Duration.ofMinutes(30));
        poller.runDue();

        assertEquals(1, queued().size());
    }

    @Test
    void whenPricesAreUnavailableTheListingWaitsForTheNextPoll() throws SQLException {
        source.live.add(listing("Miles Davis Kind Of Blue CL 1355 LP", "40.00", "6.00", "alice"));
        oracle.unavailable = 1;
        save(ME, "miles davis kind of blue", 0.25);
        poller.runDue();
        assertEquals(List.of(), queued());

        clock.advance(Duration.ofMinutes(30));
        poller.runDue();
        assertEquals(1, queued().size(), "the deal arrives one poll late, not never");
    }

    @Test
    void aFailingSourceIsRetriedSoonerThanTheIntervalAndLosesNothing() throws SQLException {
        source.live.add(listing("Miles Davis Kind Of Blue CL 1355 LP", "40.00", "6.00", "alice"));
        source.failNext = new PluginException.RetryLater("eBay answered 500", null);
        save(ME, "miles davis kind of blue", 0.25);
        poller.runDue();
        assertEquals(List.of(), queued());

        clock.advance(Poller.FIRST_RETRY);
        assertEquals(1, poller.runDue(), "retried after the back-off, not after 30 min");
        assertEquals(1, queued().size());
    }

    @Test
    void pausedSearchesAreNotPolledAndAPriceCapApplies() throws SQLException {
        source.live.add(listing("Miles Davis Kind Of Blue CL 1355 LP", "40.00", "6.00", "alice"));
        SavedSearch paused = save(ME, "miles davis kind of blue", 0.25);
        searches.update(paused.with(0.25, false));
        assertEquals(0, poller.runDue());

        searches.save(new SavedSearch(null, YOU, "miles davis kind of blue", MediaFormat.VINYL.name(),
                new BigDecimal("35"), "USD", 0.25, 1800, true, clock.instant(), null, false, false));
        assertEquals(1, poller.runDue(), "a search never polled is due");
        assertEquals(List.of(), queued(), "40 USD is over the 35 USD cap");
    }

    @Test
    void aTightBudgetStretchesIntervalsAndAnEmptyOneWaitsForTheReset() {
        save(ME, "miles davis kind of blue", 0.25);
        // 48 polls until the reset at 30 min, 40 calls left of 100 (5 kept back): stretched 48/35.
        source.budget = new Budget(100, 40, clock.instant().plus(Duration.ofHours(24)));
        poller.runDue();
        assertTrue(poller.slowdown().orElseThrow().contains("1.4x slower"), poller.slowdown().orElseThrow());
        clock.advance(Duration.ofMinutes(30));
        assertEquals(0, poller.runDue(), "the interval is stretched past 30 min");
        clock.advance(Duration.ofMinutes(12));
        assertEquals(1, poller.runDue());

        source.budget = new Budget(100, 5, clock.instant().plus(Duration.ofHours(2)));
        clock.advance(Duration.ofHours(1));
        assertEquals(0, poller.runDue(), "only the reserve is left: wait for the reset");
        assertTrue(poller.slowdown().orElseThrow().contains("used up"));
        save(YOU, "coltrane blue train", 0.25);
        assertEquals(1, poller.runDue(), "a new search may still use the reserve");
        assertTrue(poller.budgetLines().get(0).startsWith("ebay: 4 of 100 calls left today"), poller.budgetLines().toString());
    }

    @Test
    void thePollerSleepsUntilTheNextSearchIsDueWithinBounds() {
        Instant now = clock.instant();
        assertEquals(500, Poller.sleepMillis(now, Instant.MIN), "overdue: a short tick");
        assertEquals(12_000, Poller.sleepMillis(now, now.plusSeconds(12)));
        assertEquals(30_000, Poller.sleepMillis(now, Instant.MAX), "nothing due: wake up now and then anyway");
    }

    @Test
    void anOlderListingLeftForRetryIsDealtWithEvenThoughANewerOneWasSeen() throws SQLException {
        source.live.add(listing("Miles Davis Kind Of Blue CS 8163 reissue", "10.00", "3.00", "alice"));
        source.live.add(listing("Miles Davis Kind Of Blue CL 1355 LP", "40.00", "6.00", "bob"));
        oracle.failOnceFor = REISSUE;
        save(ME, "miles davis kind of blue", 0.25);
        poller.runDue();
        assertEquals(List.of(ME + ": Miles Davis Kind Of Blue CL 1355 LP"), queued());

        clock.advance(Duration.ofMinutes(30));
        poller.runDue();
        assertEquals(2, queued().size(), "the source no longer returns the older listing; the backlog does");
    }

    @Test
    void aBroadFirstPollIsWorkedThroughInCatchUpTurnsWithoutAskingTheSourceAgain() throws SQLException {
        poller = poller(new PollSettings(0.05, 3, 5, Duration.ofDays(30), 5, 2, Duration.ofSeconds(5), Duration.ofMinutes(30)));
        for (int i = 0; i < 5; i++) {
            source.live.add(listing("Miles Davis Kind Of Blue CL 1355 copy " + i, "40.00", "6.00", "seller" + i));
        }
        save(ME, "miles davis kind of blue", 0.25);
        poller.runDue();
        assertEquals(2, queued().size());
        assertEquals(0, poller.runDue(), "the next catch-up turn is 5 s away");

        clock.advance(Duration.ofSeconds(5));
        assertEquals(1, poller.runDue());
        clock.advance(Duration.ofSeconds(5));
        assertEquals(1, poller.runDue());
        assertEquals(5, queued().size());
        assertEquals(1, source.queries.size(), "catch-up turns work through the backlog without a marketplace call");
        clock.advance(Duration.ofSeconds(5));
        assertEquals(0, poller.runDue(), "nothing waits any more");
    }

    @Test
    void theBacklogSurvivesARestart() throws SQLException {
        PollSettings twoPerTurn = new PollSettings(0.05, 3, 5, Duration.ofDays(30), 5, 2, Duration.ofSeconds(5),
                Duration.ofMinutes(30));
        poller = poller(twoPerTurn);
        for (int i = 0; i < 5; i++) {
            source.live.add(listing("Miles Davis Kind Of Blue CL 1355 copy " + i, "40.00", "6.00", "seller" + i));
        }
        save(ME, "miles davis kind of blue", 0.25);
        poller.runDue();
        assertEquals(2, queued().size());

        poller = poller(twoPerTurn); // a restart: nothing in memory
        clock.advance(Duration.ofMinutes(30));
        poller.runDue();
        clock.advance(Duration.ofSeconds(5));
        poller.runDue();
        assertEquals(5, queued().size(), "the three that waited were not lost, though the source no longer returns them");
    }
}
