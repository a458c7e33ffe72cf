package io.vinyldetective.engine.polling;

import static io.vinyldetective.engine.wants.Wantlists.wanted;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.ApplicationContext;
import io.vinyldetective.api.Alert;
import io.vinyldetective.api.Catalog;
import io.vinyldetective.api.Delivery;
import io.vinyldetective.api.Grade;
import io.vinyldetective.api.HttpGateway;
import io.vinyldetective.api.Listing;
import io.vinyldetective.api.ListingQuery;
import io.vinyldetective.api.ListingSource;
import io.vinyldetective.api.MatchResult;
import io.vinyldetective.api.MatcherTier;
import io.vinyldetective.api.MediaFormat;
import io.vinyldetective.api.Money;
import io.vinyldetective.api.Notifier;
import io.vinyldetective.api.PluginConfig;
import io.vinyldetective.api.PluginContext;
import io.vinyldetective.api.PriceOracle;
import io.vinyldetective.api.PriceQuote;
import io.vinyldetective.api.Release;
import io.vinyldetective.api.TextKeys;
import io.vinyldetective.api.Urgency;
import io.vinyldetective.engine.MutableClock;
import io.vinyldetective.engine.alerts.AlertOutbox;
import io.vinyldetective.engine.bot.BotSettings;
import io.vinyldetective.engine.bot.ChatFeedback;
import io.vinyldetective.engine.catalog.CatalogStore;
import io.vinyldetective.engine.catalog.ScopedCatalog;
import io.vinyldetective.engine.pipeline.TestPipelines;
import io.vinyldetective.engine.pricing.PriceBook;
import io.vinyldetective.engine.storage.EngineDatabase;
import io.vinyldetective.engine.storage.SavedSearch;
import io.vinyldetective.engine.storage.SavedSearchRepository;
import io.vinyldetective.engine.storage.StorageSettings;
import io.vinyldetective.engine.wants.Want;
import io.vinyldetective.engine.wants.WantSettings;
import io.vinyldetective.engine.wants.WantStore;
import io.vinyldetective.engine.wants.Wantlists;
import io.vinyldetective.engine.wants.WatchBatches;
import io.vinyldetective.engine.wants.WatchScopes;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The watches through the real poller on a real SQLite file: one OR query for a batch, the tiers
 * matching within the batch's scope (so a reissue that shares the title or catalog number is not
 * taken for the wanted pressing), each watch's own rules, and a listing that turns up below seen ones.
 */
class WatchPollTest {

    private static final String ME = "111";
    private static final long GIANT_STEPS = 100;
    private static final long GIANT_STEPS_REISSUE = 101;
    private static final long BLUE_TRAIN = 102;
    private static final long BLUE_TRAIN_RVG = 104;
    private static final long SOUL_STATION = 103;
    private static final long BALLADS = 105;
    private static final long LOVE_SUPREME = 106;

    @TempDir
    Path dir;
    private ApplicationContext context;
    private EngineDatabase database;
    private WantStore wants;
    private CatalogStore catalog;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T12:00:00Z"));
    private final Source source = new Source();
    private final Oracle oracle = new Oracle();
    private Poller poller;

    /** A marketplace that answers like the eBay plugin: every listing not seen, newest first, whatever its place. */
    private static final class Source implements ListingSource {
        final List<Listing> live = new CopyOnWriteArrayList<>();
        final List<ListingQuery> queries = new CopyOnWriteArrayList<>();
        final Map<String, Listing> details = new java.util.concurrent.ConcurrentHashMap<>();
        final List<Listing> auctions = new CopyOnWriteArrayList<>();
        final List<ListingQuery> auctionQueries = new CopyOnWriteArrayList<>();

        @Override
        public void start(PluginContext context) {
        }

        @Override
        public List<Listing> newListings(ListingQuery query, Predicate<String> alreadySeen) {
            queries.add(query);
            List<Listing> fresh = new ArrayList<>();
            for (int i = live.size() - 1; i >= 0; i--) {
                Listing l = live.get(i);
                if (!alreadySeen.test(l.id()) && matches(query.text(), l.title())) {
                    fresh.add(l);
                }
            }
            return fresh;
        }

        /** eBay's OR group: a title matches when it holds every word of one of the terms. */
        private static boolean matches(String query, String title) {
            String inner = query.startsWith("(") ? query.substring(1, query.length() - 1) : query;
            Set<String> words = new HashSet<>(TextKeys.words(title));
            for (String term : inner.split(",")) {
                if (words.containsAll(TextKeys.words(term))) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public Optional<Listing> details(Listing listing) {
            return Optional.ofNullable(details.get(listing.id()));
        }

        @Override
        public List<Listing> endingAuctions(ListingQuery query, Instant endingBefore) {
            auctionQueries.add(query);
            return auctions.stream().filter(a -> a.endsAt().isBefore(endingBefore) && matches(query.text(), a.title()))
                    .toList();
        }

        @Override
        public boolean auctions() {
            return true;
        }

        @Override
        public Optional<String> anyOf(List<String> terms) {
            return Wantlists.ebayAnyOf(terms);
        }
    }

    /** Every release is worth 50 at VG+ and 45 lowest listed. */
    private static final class Oracle implements PriceOracle {
        final List<Long> priced = new CopyOnWriteArrayList<>();

        @Override
        public void start(PluginContext context) {
        }

        @Override
        public List<PriceQuote> prices(long releaseId, String currency, Urgency urgency) {
            priced.add(releaseId);
            Instant asOf = Instant.parse("2026-12-01T00:00:00Z");
            return List.of(new PriceQuote(releaseId, Money.of("50.00", currency), Grade.VERY_GOOD_PLUS,
                    "discogs:price_suggestion", 10, asOf),
                    new PriceQuote(releaseId, Money.of("45.00", currency), null, "discogs:lowest_listed", 10, asOf));
        }
    }

    /** Catalog numbers such as {@code SD 1311} in the title or the item specifics, looked up in the catalog it was given. */
    private static final class CatnoTier implements MatcherTier {
        private static final Pattern CATNO = Pattern.compile("\\b([A-Z]{2,4})[ -]?(\\d{3,5})\\b");
        private Catalog catalog;

        @Override
        public void start(PluginContext context) {
            catalog = context.catalog();
        }

        @Override
        public String method() {
            return "catalog_no";
        }

        @Override
        public Optional<MatchResult> match(Listing listing) {
            String text = listing.title() + " " + listing.aspects().getOrDefault("Catalog Number", "");
            Matcher m = CATNO.matcher(text);
            List<Long> ids = new ArrayList<>();
            while (m.find()) {
                for (Release r : catalog.byCatalogNumber(m.group(1) + " " + m.group(2))) {
                    if (r.format() == listing.format() && !ids.contains(r.id())) {
                        ids.add(r.id());
                    }
                }
            }
            return ids.isEmpty() ? Optional.empty()
                    : Optional.of(new MatchResult(ids, "catalog_no", 0.97, List.of("catalog number")));
        }
    }

    /** Artist and title words all in the listing title: every such release (its pressings) of the listing's format. */
    private static final class TitleTier implements MatcherTier {
        private Catalog catalog;

        @Override
        public void start(PluginContext context) {
            catalog = context.catalog();
        }

        @Override
        public String method() {
            return "fuzzy";
        }

        @Override
        public Optional<MatchResult> match(Listing listing) {
            List<String> words = TextKeys.words(listing.title());
            List<Long> ids = new ArrayList<>();
            for (Release r : catalog.search(List.of(), words, 50)) {
                List<String> name = new ArrayList<>(TextKeys.words(r.title()));
                r.artists().forEach(a -> name.addAll(TextKeys.nameWords(a)));
                if (words.containsAll(name) && r.format() == listing.format()) {
                    ids.add(r.id());
                }
            }
            return ids.isEmpty() ? Optional.empty() : Optional.of(new MatchResult(ids, "fuzzy", 0.92, List.of("title")));
        }
    }

    private record Context(Catalog catalog) implements PluginContext {
        @Override
        public String pluginId() {
            return "tier";
        }

        @Override
        public PluginConfig config() {
            return PluginConfig.of(List.of(), Map.of());
        }

        @Override
        public HttpGateway http() {
            return null;
        }

        @Override
        public Clock clock() {
            return Clock.systemUTC();
        }

        @Override
        public System.Logger logger() {
            return System.getLogger("tier");
        }
    }

    @BeforeEach
    void start() {
        context = ApplicationContext.run(Map.of(StorageSettings.DATA_DIR, dir.toString()));
        database = context.getBean(EngineDatabase.class);
        wants = context.getBean(WantStore.class);
        catalog = context.getBean(CatalogStore.class);
        release(GIANT_STEPS, "John Coltrane", "Giant Steps", "SD 1311", 500L, "api");
        release(GIANT_STEPS_REISSUE, "John Coltrane", "Giant Steps", "SD 1311", 500L, "versions");
        release(BLUE_TRAIN, "John Coltrane", "Blue Train", "BLP 1577", 501L, "api");
        release(BLUE_TRAIN_RVG, "John Coltrane", "Blue Train", "BST 81577", 501L, "versions");
        release(SOUL_STATION, "Hank Mobley", "Soul Station", "BLP 4031", 502L, "api");
        release(BALLADS, "John Coltrane", "Ballads", "AS 32", 503L, "api");
        release(LOVE_SUPREME, "John Coltrane", "A Love Supreme", "AS 77", 504L, "dump");
        for (long master : new long[] {500, 501, 502}) {
            wants.versionsChecked(master, clock.instant()); // not 503: Ballads' other pressings are not known yet
        }
        wants.link(ME, "rodneyfool", false, clock.instant());
        wants.applySync(ME, List.of(
                wanted(GIANT_STEPS, "John Coltrane", "Giant Steps", "SD 1311", MediaFormat.VINYL, 500L),
                wanted(BLUE_TRAIN, "John Coltrane", "Blue Train", "BLP 1577", MediaFormat.VINYL, 501L),
                wanted(SOUL_STATION, "Hank Mobley", "Soul Station", "BLP 4031", MediaFormat.VINYL, 502L),
                wanted(BALLADS, "John Coltrane", "Ballads", "AS 32", MediaFormat.VINYL, 503L)), clock.instant(),
                clock.instant().plus(Duration.ofDays(1)));
        set(BLUE_TRAIN, w -> w.withSettings(true, null, null, Grade.VERY_GOOD_PLUS, true));
        set(SOUL_STATION, w -> w.withSettings(false, new BigDecimal("30.00"), "USD", null, true));

        ScopedCatalog scoped = new ScopedCatalog(catalog);
        List<MatcherTier> tiers = List.of(new CatnoTier(), new TitleTier());
        tiers.forEach(t -> t.start(new Context(scoped)));
        ChatFeedback feedback = context.getBean(ChatFeedback.class);
        poller = new Poller(context.getBean(SavedSearchRepository.class), new SeenListings(database.dataSource(), clock),
                catalog, new PriceBook(database, clock, Duration.ofDays(7)), new AlertOutbox(database, feedback, clock),
                feedback, BotSettings.allowing(ME), PollSettings.defaults(), clock, context.getBean(WatchBatches.class),
                context.getBean(WatchScopes.class), WantSettings.defaults());
        poller.attach(TestPipelines.of(source, oracle, tiers, new Notifier() {
            @Override
            public void start(PluginContext context) {
            }

            @Override
            public Delivery deliver(Alert alert) {
                return Delivery.delivered();
            }
        }, scoped));
    }

    @AfterEach
    void stop() {
        context.close();
    }

    private void release(long id, String artist, String title, String catno, Long master, String source) {
        Release r = new Release(id, title, List.of(artist), List.of(new Release.LabelCatalogNumber("Label", catno)),
                List.of(), MediaFormat.VINYL, "Vinyl, LP", "US", 1960, master);
        catalog.upsert(r, source);
    }

    private void set(long releaseId, java.util.function.UnaryOperator<Want> change) {
        Want w = wants.wants(ME).stream().filter(x -> x.releaseId() == releaseId).findFirst().orElseThrow();
        wants.update(change.apply(w));
    }

    private static int next = 1;

    private static Listing listing(String title, String price, String shipping, String condition) {
        return new Listing("v1|" + (300000 + next++) + "|0", "ebay", title, Money.of(price, "USD"),
                shipping == null ? null : Money.of(shipping, "USD"), condition, "3000", MediaFormat.VINYL, null, Map.of(),
                new Listing.Seller("seller" + next, 250, 99.8), List.of("FIXED_PRICE"), null, null,
                "https://www.ebay.com/itm/" + next, Instant.parse("2026-12-01T11:00:00Z"));
    }

    /** (chat: listing title | flags) of every queued alert, oldest first. */
    private List<String> queued() throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT o.chat_id, l.title, o.release_id FROM alert_outbox o JOIN ebay_listings l"
                     + " ON l.id = o.listing_id ORDER BY o.id")) {
            while (rs.next()) {
                rows.add(rs.getString(1) + ": " + rs.getString(2) + " = " + rs.getLong(3));
            }
        }
        return rows;
    }

    @Test
    void aBatchIsOneOrQueryAndEachWatchTakesOnlyWhatIsCertainlyItsRelease() throws SQLException {
        source.live.add(listing("John Coltrane Giant Steps SD 1311 LP", "20.00", "5.00", "Used"));           // original or reissue?
        source.live.add(listing("John Coltrane Blue Train BST 81577 RVG VG+", "25.00", "5.00", "Used"));     // another pressing: ok
        source.live.add(listing("John Coltrane Blue Train BLP 1577 G+ worn", "15.00", "5.00", "Used"));      // below VG+
        source.live.add(listing("Hank Mobley Soul Station BLP 4031", "26.00", "6.00", "Used"));              // 32 > max 30
        source.live.add(listing("Hank Mobley Soul Station BLP 4031 nice", "20.00", "5.00", "Used"));         // 25 <= 30
        source.live.add(listing("John Coltrane Ballads AS 32 first press", "10.00", "4.00", "Used"));        // siblings unknown
        source.live.add(listing("John Coltrane A Love Supreme AS 77", "5.00", "4.00", "Used"));              // not wanted
        source.live.add(listing("Miles Davis Kind Of Blue", "5.00", "4.00", "Used"));                        // not in the query

        assertEquals(1, poller.runDue());

        assertEquals(List.of("(hank mobley, john coltrane)"), source.queries.stream().map(ListingQuery::text).toList());
        assertNull(source.queries.get(0).since(), "a new batch has no last poll");
        assertEquals(List.of(
                ME + ": Hank Mobley Soul Station BLP 4031 nice = " + SOUL_STATION,
                ME + ": John Coltrane Blue Train BST 81577 RVG VG+ = " + BLUE_TRAIN_RVG), queued(), "newest first");
        assertTrue(oracle.priced.stream().noneMatch(id -> id == LOVE_SUPREME || id == GIANT_STEPS_REISSUE),
                "listings no watch takes are not priced: " + oracle.priced);
    }

    @Test
    void anItemLookUpTellsThePressingWhenTheTitleCannot() throws SQLException {
        Listing vague = listing("John Coltrane Giant Steps LP original", "20.00", "5.00", "Used");
        source.live.add(vague);
        source.details.put(vague.id(), vague.withDetails(null, Map.of("Catalog Number", "SD 1311")));

        poller.runDue();

        assertEquals(List.of(), queued(), "SD 1311 was printed on the reissue too: still two pressings");

        catalog.upsert(new Release(GIANT_STEPS_REISSUE, "Giant Steps", List.of("John Coltrane"),
                List.of(new Release.LabelCatalogNumber("Atlantic", "SD 1311 RE")), List.of(), MediaFormat.VINYL, "Vinyl",
                "Europe", 1985, 500L), "api");
        Listing clear = listing("John Coltrane Giant Steps LP", "20.00", "5.00", "Used");
        source.live.add(clear);
        source.details.put(clear.id(), clear.withDetails(null, Map.of("Catalog Number", "SD 1311")));
        clock.advance(Duration.ofHours(1));

        poller.runDue();

        assertEquals(List.of(ME + ": John Coltrane Giant Steps LP = " + GIANT_STEPS), queued());
    }

    @Test
    void theNextPollAsksSinceTheLastAndAListingBelowSeenOnesIsStillAlerted() throws SQLException {
        source.live.add(listing("Hank Mobley Soul Station BLP 4031 first", "50.00", "5.00", "Used"));
        poller.runDue();
        Instant first = clock.instant();
        clock.advance(Duration.ofHours(1));
        // Listed before the first poll, indexed after it: the source returns it below the seen one.
        source.live.add(0, listing("Hank Mobley Soul Station BLP 4031 late", "20.00", "5.00", "Used"));

        assertEquals(1, poller.runDue());

        assertEquals(first, source.queries.get(1).since(), "asked for what is new since the last poll");
        assertEquals(List.of(ME + ": Hank Mobley Soul Station BLP 4031 late = " + SOUL_STATION), queued());
    }

    @Test
    void aPausedWantIsNotWatchedAndSearchesKeepTheirOwnQueries() throws SQLException {
        poller.runDue();
        wants.setAllActive(ME, false);
        set(SOUL_STATION, w -> w.withSettings(false, null, null, null, true));
        poller.watchesChanged();
        context.getBean(SavedSearchRepository.class).save(new SavedSearch(null, ME, "hank mobley", "VINYL", null, null,
                0.25, 1800, true, clock.instant(), null, false, false));
        source.live.add(listing("Hank Mobley Soul Station BLP 4031", "20.00", "5.00", "Used"));
        clock.advance(Duration.ofHours(1));

        assertEquals(2, poller.runDue(), "the search and the batch, each its own poll");

        assertEquals(List.of("(hank mobley, john coltrane)", "hank mobley", "hank mobley"),
                source.queries.stream().map(ListingQuery::text).toList(), "the batch shrank to Soul Station's artist");
        assertEquals(1, queued().size(), "one alert: the search's and the want's are the same (chat, listing)");
    }

    @Test
    void onlyWantsWithAuctionsOnAreAlertedAuctionsOfTheirBatchShortlyBeforeTheEnd() throws SQLException {
        set(SOUL_STATION, w -> w.withAuctions(true));
        source.auctions.add(auction("Hank Mobley Soul Station BLP 4031 auction", "20.00", "5.00", Duration.ofMinutes(25)));
        source.auctions.add(auction("John Coltrane Blue Train BST 81577 RVG VG+ auction", "10.00", "5.00",
                Duration.ofMinutes(25)));

        poller.runDue();

        assertEquals(List.of("(hank mobley, john coltrane)"), source.auctionQueries.stream().map(ListingQuery::text).toList(),
                "the batch's own query, asked for auctions");
        assertEquals(List.of(ME + ": Hank Mobley Soul Station BLP 4031 auction = " + SOUL_STATION), queued(),
                "Blue Train's want did not ask for auctions");

        wants.setAuctions(ME, false);
        poller.watchesChanged();
        clock.advance(Duration.ofMinutes(30));
        poller.runDue();
        assertEquals(1, source.auctionQueries.size(), "no want asks for auctions any more: none are looked at");
    }

    private Listing auction(String title, String bid, String shipping, Duration endsIn) {
        Listing l = listing(title, bid, shipping, "Used");
        return new Listing(l.id(), l.source(), l.title(), l.price(), l.shipping(), l.condition(), l.conditionId(), l.format(),
                l.gtin(), l.aspects(), l.seller(), List.of(Listing.AUCTION), l.price(), null, l.webUrl(), l.createdAt(),
                clock.instant().plus(endsIn), 2);
    }
}
