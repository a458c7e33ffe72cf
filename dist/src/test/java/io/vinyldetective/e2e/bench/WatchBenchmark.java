package io.vinyldetective.e2e.bench;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.Environment;
import io.vinyldetective.api.MediaFormat;
import io.vinyldetective.api.Release;
import io.vinyldetective.api.TextKeys;
import io.vinyldetective.e2e.DumpSample;
import io.vinyldetective.e2e.FakeDiscogs;
import io.vinyldetective.e2e.FakeEbay;
import io.vinyldetective.e2e.Scenario;
import io.vinyldetective.e2e.Shared;
import io.vinyldetective.engine.alerts.AlertOutbox;
import io.vinyldetective.engine.bot.BotSettings;
import io.vinyldetective.engine.bot.ChatFeedback;
import io.vinyldetective.engine.catalog.CatalogStore;
import io.vinyldetective.engine.catalog.dump.DumpImporter;
import io.vinyldetective.engine.catalog.dump.ImportProgress;
import io.vinyldetective.engine.http.EngineHttpGateway;
import io.vinyldetective.engine.pipeline.EnginePluginServices;
import io.vinyldetective.engine.pipeline.Pipeline;
import io.vinyldetective.engine.pipeline.PipelineAssembler;
import io.vinyldetective.engine.pipeline.PipelineSettings;
import io.vinyldetective.engine.plugins.PluginHost;
import io.vinyldetective.engine.polling.PollSettings;
import io.vinyldetective.engine.polling.Poller;
import io.vinyldetective.engine.polling.SeenListings;
import io.vinyldetective.engine.pricing.PriceBook;
import io.vinyldetective.engine.storage.EngineDatabase;
import io.vinyldetective.engine.storage.SavedSearchRepository;
import io.vinyldetective.engine.storage.StorageSettings;
import io.vinyldetective.engine.wants.WantSettings;
import io.vinyldetective.engine.wants.WantStore;
import io.vinyldetective.engine.wants.WatchBatches;
import io.vinyldetective.engine.wants.WatchScopes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Watch benchmark (a main class, not a test): {@code WANTS} wants (default 500) from the Discogs dump
 * sample's real releases, watched for one simulated eBay day at the default hourly interval and the
 * default budget (5,000 calls), by the real engine (poller, watch batches, budget plan) and the real
 * plugin jars of the installed tree ({@code ebay}, the matcher tiers, {@code discogs}) against the
 * loopback fakes of the end-to-end tests. The engine's and the plugins' clock is simulated and moved a
 * minute at a time; the fakes are real HTTP.
 *
 * <p>New listings arrive all day ({@code LISTINGS_PER_DAY}, default 2,000): records by the wanted
 * artists that are not the wanted releases (what an artist query mostly brings), a few copies of the
 * wanted releases themselves. Measured: eBay calls in the day (search, item look-ups, tokens), calls
 * per want per day, how old a listing is when a poll first sees it (freshness), batches, alerts, and
 * whether the budget plan had to stretch the interval.
 *
 * <pre>
 * mvn -B -q package -DskipTests dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/test.cp
 * java -cp dist/target/test-classes:$(cat dist/target/test.cp) -Dvd.shared.dir=../shared \
 *   io.vinyldetective.e2e.bench.WatchBenchmark dist/target/vinyl-detective [WANTS] [LISTINGS_PER_DAY] [auctions]
 * </pre>
 * With {@code auctions}, every want has auctions on and every tenth listing is an auction ending 1 to 12
 * hours after it went live: measured as well are the ending-soon calls and the time left when an auction
 * was alerted.
 * Goal (issue 11): 500 wants at 1 h freshness or better within 5,000 calls a day.
 */
public final class WatchBenchmark {

    static final String CHAT = "424242001";
    static final Instant EBAY_DAY = Instant.parse("2026-12-01T08:00:00Z"); // midnight US Pacific: an eBay day starts
    static final double WANTED_COPIES = 0.02;

    /** The engine's and the plugins' clock, moved by the simulation. */
    static final class SimulatedClock extends Clock {
        private volatile Instant now;

        SimulatedClock(Instant start) {
            now = start;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    public static void main(String[] args) throws Exception {
        Path install = Path.of(args.length > 0 ? args[0] : "dist/target/vinyl-detective").toAbsolutePath();
        int wantCount = args.length > 1 ? Integer.parseInt(args[1]) : 500;
        int listingsPerDay = args.length > 2 ? Integer.parseInt(args[2]) : 2000;
        boolean auctions = args.length > 3 && args[3].equals("auctions");
        Path data = Files.createTempDirectory("vd-watch-bench");
        Random random = new Random(11);

        FakeEbay ebay = new FakeEbay(Scenario.EBAY_APP_ID, Scenario.EBAY_CERT_ID);
        FakeDiscogs discogs = new FakeDiscogs(Scenario.DISCOGS_TOKEN);
        Map<String, Object> props = new LinkedHashMap<>();
        props.put(StorageSettings.DATA_DIR, data.toString());
        props.put("vinyl-detective.plugins-dir", install.resolve("plugins").toString());
        props.put("pipeline.sources", List.of("ebay"));
        props.put("pipeline.oracle", "discogs");
        props.put("pipeline.matchers", List.of("match-catalog", "match-barcode", "match-fuzzy"));
        props.put("pipeline.notifiers", List.of("console"));
        props.put("plugins.ebay.app-id", Scenario.EBAY_APP_ID);
        props.put("plugins.ebay.cert-id", Scenario.EBAY_CERT_ID);
        props.put("plugins.ebay.base-url", ebay.baseUrl());
        // Another loopback name for Discogs, so its 50-a-minute host limit does not count eBay's calls.
        props.put("plugins.discogs.base-url", discogs.baseUrl().replace("127.0.0.1", "localhost"));
        props.put("plugins.discogs.token", Scenario.DISCOGS_TOKEN);
        props.put("plugins.console.stream", "stderr");

        SimulatedClock clock = new SimulatedClock(EBAY_DAY);
        try (ApplicationContext context = ApplicationContext.builder(Environment.CLI).properties(props).start()) {
            EngineDatabase database = context.getBean(EngineDatabase.class);
            CatalogStore catalog = context.getBean(CatalogStore.class);
            new DumpImporter(database).importFile(Shared.file(DumpSample.SAMPLE), ImportProgress.NONE);
            List<Release> wanted = wanted(catalog, wantCount);
            WantStore wants = context.getBean(WantStore.class);
            wants.link(CHAT, "collector", false, clock.instant());
            wants.applySync(CHAT, wanted, clock.instant(), clock.instant().plus(Duration.ofDays(1)));
            if (auctions) {
                wants.setAuctions(CHAT, true);
            }
            Set<Long> masters = new LinkedHashSet<>();
            Set<Long> ids = new LinkedHashSet<>();
            wanted.forEach(r -> {
                ids.add(r.id());
                if (r.masterId() != null) {
                    masters.add(r.masterId());
                }
            });
            for (Map<String, Object> release : DumpSample.releases(ids::contains)) {
                discogs.serve(release, FakeDiscogs.Prices.of(40, 35, 30, 25, 20, 15, 10, 5, 28.0, 6));
            }
            // The wanted releases come from the dump in full; the masters' pressings are taken as read
            // (their cost, one Discogs request a master, is counted below, not simulated).
            masters.forEach(m -> wants.versionsChecked(m, clock.instant()));

            PluginHost host = context.getBean(PluginHost.class);
            EnginePluginServices services = new EnginePluginServices(context.getBean(Environment.class),
                    context.getBean(EngineHttpGateway.class), catalog, clock, database);
            Pipeline pipeline = new PipelineAssembler(host, services).assemble(context.getBean(PipelineSettings.class));
            ChatFeedback feedback = context.getBean(ChatFeedback.class);
            Poller poller = new Poller(context.getBean(SavedSearchRepository.class), new SeenListings(database, clock),
                    catalog, new PriceBook(database, clock, Duration.ofDays(7)), new AlertOutbox(database, feedback, clock),
                    feedback, BotSettings.allowing(CHAT), PollSettings.defaults(), clock,
                    context.getBean(WatchBatches.class), context.getBean(WatchScopes.class), WantSettings.defaults());
            poller.attach(pipeline);

            List<Arrival> arrivals = arrivals(wanted, listingsPerDay, random, auctions);
            Map<String, Instant> listedAt = new HashMap<>();
            Map<String, Duration> age = new HashMap<>();
            int seenServed = 0;
            long wallStart = System.nanoTime();
            int polls = 0;
            int next = 0;
            for (int minute = 0; minute < 24 * 60; minute++) {
                Instant now = clock.instant();
                while (next < arrivals.size() && !arrivals.get(next).at().isAfter(now)) {
                    Arrival a = arrivals.get(next++);
                    if (a.auction() == null) {
                        ebay.addAt(a.listing(), a.at());
                    } else {
                        ebay.addAuctionAt(a.listing(), a.at(), a.auction());
                    }
                    listedAt.put(a.listing().itemId(), a.at());
                }
                polls += poller.runDue();
                List<String> served = ebay.served();
                for (String id : served.subList(seenServed, served.size())) {
                    if (listedAt.containsKey(id)) {
                        age.put(id, Duration.between(listedAt.get(id), now));
                    }
                }
                seenServed = served.size();
                clock.advance(Duration.ofMinutes(1));
            }
            long wallMs = (System.nanoTime() - wallStart) / 1_000_000;
            report(ebay, discogs, database, wanted, masters.size(), arrivals, age, polls, poller, wallMs,
                    context.getBean(WatchBatches.class), listingsPerDay);
            pipeline.close();
        } finally {
            ebay.close();
            discogs.close();
        }
    }

    /** {@code count} releases of the dump sample with a named artist on vinyl, CD or cassette, as a collector's wantlist. */
    static List<Release> wanted(CatalogStore catalog, int count) {
        List<Release> wanted = new ArrayList<>();
        for (Map<String, Object> r : DumpSample.releases(id -> true)) {
            Release release = catalog.release(((Number) r.get("id")).longValue()).orElse(null);
            if (release == null || release.artists().isEmpty() || release.artistLine().toLowerCase(Locale.ROOT).startsWith("various")
                    || release.format() == null || release.format() == MediaFormat.OTHER) {
                continue;
            }
            wanted.add(release);
            if (wanted.size() == count) {
                break;
            }
        }
        return wanted;
    }

    /** A listing put on the fake at {@code at}: a copy of the wanted {@code release}, or another record by its artist. */
    record Arrival(Instant at, FakeEbay.Listing listing, boolean wantedCopy, Release release, FakeEbay.Auction auction) {
    }

    /** The day's new listings, spread evenly: mostly other records by the wanted artists, a few wanted copies. */
    static List<Arrival> arrivals(List<Release> wanted, int perDay, Random random, boolean auctions) {
        List<Arrival> arrivals = new ArrayList<>();
        // Other records by the artist: titles with words of their own (a title of noise words alone, "Rare Promo LP",
        // could be any of the artist's records, the wanted one included).
        String[] fillers = {"Greatest Hits", "Live In Concert", "Unreleased Tracks", "Early Years", "Remixes", "Anthology",
                "Sessions", "B-Sides", "Best Of", "The Singles"};
        for (int i = 0; i < perDay; i++) {
            Instant at = EBAY_DAY.plusSeconds(86_400L * i / perDay);
            Release r = wanted.get(random.nextInt(wanted.size()));
            boolean copy = random.nextDouble() < WANTED_COPIES;
            String catno = r.labels().stream().map(Release.LabelCatalogNumber::catalogNumber).filter(c -> c != null)
                    .findFirst().orElse("");
            String kind = r.format() == MediaFormat.CD ? " CD" : r.format() == MediaFormat.CASSETTE ? " Cassette" : " LP";
            String filler = fillers[random.nextInt(fillers.length)];
            while (TextKeys.words(r.title()).containsAll(TextKeys.words(filler))) {
                filler = fillers[random.nextInt(fillers.length)]; // "Best Of Vol 5" would be the wanted "The Best Of"
            }
            String title = copy ? r.artistLine() + " - " + r.title() + " " + catno + kind
                    : r.artistLine() + " - " + filler + " Vol " + (i % 7 + 1) + kind;
            String price = copy ? "12.00" : String.format(Locale.ROOT, "%d.00", 10 + random.nextInt(40));
            String category = r.format() == MediaFormat.CD ? FakeEbay.CDS
                    : r.format() == MediaFormat.CASSETTE ? FakeEbay.CASSETTES : FakeEbay.RECORDS;
            FakeEbay.Listing l = new FakeEbay.Listing(String.valueOf(700_000_000_000L + i), title, price, "4.00",
                    "seller" + random.nextInt(300), "Used", category, Map.of(), null);
            FakeEbay.Auction auction = auctions && i % 10 == 0
                    ? new FakeEbay.Auction(at.plus(Duration.ofMinutes(60 + random.nextInt(11 * 60))), price, random.nextInt(6))
                    : null;
            arrivals.add(new Arrival(at, l, copy, r, auction));
        }
        return arrivals;
    }

    private static void report(FakeEbay ebay, FakeDiscogs discogs, EngineDatabase database, List<Release> wanted,
                               int masters, List<Arrival> arrivals, Map<String, Duration> age, int polls, Poller poller,
                               long wallMs, WatchBatches batches, int perDay) throws Exception {
        int searches = ebay.searches().size();
        int items = ebay.requests(r -> r.path().startsWith(FakeEbay.ITEM_PATH)).size();
        int tokens = ebay.requests(r -> r.path().endsWith("/oauth2/token")).size();
        int calls = searches + items;
        List<Duration> ages = new ArrayList<>(age.values());
        ages.sort(null);
        int alerts;
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM alert_outbox")) {
            rs.next();
            alerts = rs.getInt(1);
        }
        int batchCount;
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM want_batches")) {
            rs.next();
            batchCount = rs.getInt(1);
        }
        long copies = arrivals.stream().filter(Arrival::wantedCopy).count();
        Set<String> artists = new LinkedHashSet<>();
        wanted.forEach(r -> artists.add(r.artistLine().toLowerCase(Locale.ROOT)));
        System.out.printf(Locale.ROOT, "Watch benchmark: %d wants (%d artists), %d batches, one simulated eBay day,"
                + " %d new listings (%d wanted copies)%n", wanted.size(), artists.size(), batchCount, arrivals.size(), copies);
        System.out.printf(Locale.ROOT, "  polls %d; eBay calls %d (search %d, getItem %d) + %d token; %.2f calls per want"
                + " per day; budget 5,000 -> %s%n", polls, calls, searches, items, tokens, (double) calls / wanted.size(),
                poller.slowdown().orElse("no slow-down"));
        System.out.printf(Locale.ROOT, "  freshness (listed -> first returned by a poll), %d listings: median %d min,"
                + " p95 %d min, max %d min; not returned: %d%n", ages.size(), percentile(ages, 50), percentile(ages, 95),
                ages.isEmpty() ? -1 : ages.get(ages.size() - 1).toMinutes(), arrivals.size() - ages.size());
        System.out.printf(Locale.ROOT, "  alerts queued %d; Discogs requests %d (pricing); wantlist read and fill-in cost"
                + " once: %d pages + %d releases + %d masters = %d paced requests%n", alerts, discogs.requests().size(),
                (wanted.size() + 99) / 100, 0, masters, (wanted.size() + 99) / 100 + masters);
        Instant lastHour = EBAY_DAY.plus(Duration.ofHours(23));
        List<Arrival> missed = arrivals.stream().filter(a -> !age.containsKey(a.listing().itemId())).toList();
        long recent = missed.stream().filter(a -> !a.at().isBefore(lastHour)).count();
        System.out.printf(Locale.ROOT, "  not returned: %d listed in the last hour (not due yet), %d earlier%n", recent,
                missed.size() - recent);
        missed.stream().filter(a -> a.at().isBefore(lastHour)).limit(8)
                .forEach(a -> System.out.println("    missed: " + a.at() + " " + a.listing().title()));
        Map<String, Long> alerted = new LinkedHashMap<>();
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT listing_id, release_id FROM alert_outbox")) {
            while (rs.next()) {
                alerted.put(rs.getString(1), rs.getLong(2));
            }
        }
        Map<String, Arrival> byId = new HashMap<>();
        arrivals.forEach(a -> byId.put(a.listing().itemId(), a));
        int[] wrong = {0};
        alerted.forEach((listing, release) -> {
            Arrival a = byId.get(listing);
            if (a != null && (!a.wantedCopy() || a.release().id() != release)) {
                wrong[0]++;
                System.out.println("    WRONG alert: " + a.listing().title() + " as release " + release);
            }
        });
        long copiesAlerted = arrivals.stream().filter(a -> a.wantedCopy() && alerted.containsKey(a.listing().itemId())).count();
        System.out.printf(Locale.ROOT, "  wanted copies alerted %d of %d; alerts for anything else: %d (precision %.3f)%n",
                copiesAlerted, copies, wrong[0], alerted.isEmpty() ? 1.0 : 1.0 - (double) wrong[0] / alerted.size());
        arrivals.stream().filter(a -> a.wantedCopy() && !alerted.containsKey(a.listing().itemId())).limit(30)
                .forEach(a -> System.out.println("    wanted copy not alerted: " + a.listing().title()
                        + (age.containsKey(a.listing().itemId()) ? "" : " (not returned)")));
        List<Arrival> auctionArrivals = arrivals.stream().filter(a -> a.auction() != null).toList();
        if (!auctionArrivals.isEmpty()) {
            long ending = ebay.searches().stream().filter(r -> "endingSoonest".equals(r.query().get("sort"))).count();
            Instant dayEnd = EBAY_DAY.plus(Duration.ofDays(1));
            long endedInDay = auctionArrivals.stream().filter(a -> a.auction().endsAt().isBefore(dayEnd)).count();
            long copiesEnded = auctionArrivals.stream().filter(a -> a.wantedCopy() && a.auction().endsAt().isBefore(dayEnd))
                    .count();
            List<Long> leftAtAlert = new ArrayList<>();
            try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT listing_id, created_at FROM alert_outbox")) {
                while (rs.next()) {
                    Arrival a = byId.get(rs.getString(1));
                    if (a != null && a.auction() != null) {
                        leftAtAlert.add(Duration.between(Instant.ofEpochMilli(rs.getLong(2)), a.auction().endsAt()).toMinutes());
                    }
                }
            }
            leftAtAlert.sort(null);
            System.out.printf(Locale.ROOT, "  auctions: %d listed, %d ended in the day (%d wanted copies); ending-soon calls"
                            + " %d (of the %d searches); alerted %d, time left at alert min %s / median %s / max %s min%n",
                    auctionArrivals.size(), endedInDay, copiesEnded, ending, ebay.searches().size(), leftAtAlert.size(),
                    leftAtAlert.isEmpty() ? "-" : leftAtAlert.get(0), leftAtAlert.isEmpty() ? "-"
                            : leftAtAlert.get(leftAtAlert.size() / 2), leftAtAlert.isEmpty() ? "-"
                            : leftAtAlert.get(leftAtAlert.size() - 1));
        }
        System.out.printf(Locale.ROOT, "  wall %d ms for the simulated day (%d listings/day)%n", wallMs, perDay);
    }

    private static long percentile(List<Duration> sorted, int p) {
        if (sorted.isEmpty()) {
            return -1;
        }
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1)).toMinutes();
    }
}
