package io.vinyldetective.e2e.bench;

import io.vinyldetective.e2e.Daemon;
import io.vinyldetective.e2e.DumpSample;
import io.vinyldetective.e2e.FakeDiscogs;
import io.vinyldetective.e2e.FakeEbay;
import io.vinyldetective.e2e.FakeTelegram;
import io.vinyldetective.e2e.Scenario;
import io.vinyldetective.e2e.Shared;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

/**
 * Daemon benchmark (a main class, not a test): the installed {@code bin/vinyl-detective run} with
 * {@code JAVA_OPTS=-Xmx64m} against the loopback fakes of the end-to-end tests, with the dump sample
 * imported (1,000 releases) and one saved search, as a user would run it. Measures
 *
 * <ul>
 *   <li>start to first poll: process start to the first eBay search (the search is due), once on a
 *       first start (no class-data archive yet: the launcher writes it at that run's clean exit) and on
 *       restarts (which map it);</li>
 *   <li>idle RSS ({@code VmRSS}) once the first poll has settled;</li>
 *   <li>CPU time ({@code utime+stime} of {@code /proc/<pid>/stat}) of one poll of 200 new listings,
 *       half of them records of the catalog (fairly priced: no alert), half not records at all, less
 *       the idle CPU of the same wall time;</li>
 *   <li>alert latency: a deal listing put on the fake eBay to the Telegram call carrying its card, and
 *       from the search that found it to that call.</li>
 * </ul>
 *
 * <pre>
 * java -cp dist/target/test-classes:$(cat dist/target/test.cp) -Dvd.shared.dir=../shared \
 *   io.vinyldetective.e2e.bench.DaemonBenchmark dist/target/vinyl-detective [RESTARTS] [ALERTS]
 * </pre>
 * Targets (issue 12): start to first poll on restarts within 1.5 s, idle RSS within 110 MiB; the
 * first start, which runs without the archive, is reported but has no target.
 */
public final class DaemonBenchmark {

    static final String POLL_INTERVAL = "5s";
    /** The daemon's JAVA_OPTS: {@code -Dvd.bench.javaOpts=...} measures other JVM options against the default. */
    static final String JAVA_OPTS = System.getProperty("vd.bench.javaOpts", "-Xmx64m");
    static final int MATCHABLE_RELEASES = 20;
    static final int NEW_LISTINGS = 200;
    private static final List<String> NOT_RECORDS = List.of(
            "Vintage Wooden Vinyl Record Storage Crate Holds Albums",
            "Vinyl Record Cleaning Brush Anti Static Carbon Fiber",
            "Mystery Vinyl Grab Bag Assorted Genres Surprise",
            "Vinyl Wall Decals Music Notes Bedroom Decor",
            "Outer Protective Plastic Sleeves For Vinyl Albums Pack",
            "Turntable Drive Belt Replacement For Vinyl Players",
            "Handmade Vinyl Record Clock Upcycled Wall Art",
            "Vinyl Siding Repair Kit White Exterior",
            "Retro Vinyl Record Coasters Set With Holder",
            "Vinyl Car Wrap Film Matte Black Sheet");
    private static final List<String> VARIANTS = List.of("", " New", " Used", " Great Gift", " Free Shipping",
            " Fast Dispatch", " Look", " Wow", " Classic", " Quality");

    private DaemonBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path install = Path.of(args.length > 0 ? args[0] : "dist/target/vinyl-detective").toAbsolutePath();
        int restarts = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        int alerts = args.length > 2 ? Integer.parseInt(args[2]) : 7;
        System.setProperty("vd.dist.dir", install.toString());
        Path work = Files.createTempDirectory("vd-daemon-bench");
        Path data = Files.createDirectories(work.resolve("data"));
        Path log = work.resolve("daemon.log");
        System.out.println("work folder (database, daemon.log): " + work);

        List<Map<String, Object>> records = DumpSample.releases(id -> true).stream()
                .filter(DaemonBenchmark::isVinyl).toList();
        List<Map<String, Object>> matchable = distinctCatalogNumbers(records).subList(0, MATCHABLE_RELEASES);
        FakeDiscogs discogs = new FakeDiscogs(Scenario.DISCOGS_TOKEN);
        for (Map<String, Object> r : records) {
            discogs.serve(r, prices(id(r)));
        }
        try (FakeEbay ebay = new FakeEbay(Scenario.EBAY_APP_ID, Scenario.EBAY_CERT_ID);
             FakeTelegram telegram = new FakeTelegram(Scenario.TELEGRAM_TOKEN, Duration.ofSeconds(50));
             discogs) {
            Map<String, String> env = Scenario.environment(ebay, discogs, telegram, data, POLL_INTERVAL);
            env.put("JAVA_OPTS", JAVA_OPTS);
            int code = Daemon.run(install, env, log, Duration.ofMinutes(3), "import-dump",
                    Shared.file(DumpSample.SAMPLE).toString());
            check(code == 0, "import-dump exited " + code + "; see " + log);
            int seq = 0;
            for (int i = 0; i < 5; i++) {
                ebay.add(listing(++seq, matchable.get(i), fairPrice(matchable.get(i)), "seller" + seq, ""));
            }

            AtomicReference<Daemon> current = new AtomicReference<>();
            try {
                measure(install, env, data, log, ebay, discogs, telegram, matchable, seq, restarts, alerts, current);
            } finally {
                if (current.get() != null) {
                    current.get().close();
                }
            }
        }
    }

    private static void measure(Path install, Map<String, String> env, Path data, Path log, FakeEbay ebay,
                                FakeDiscogs discogs, FakeTelegram telegram, List<Map<String, Object>> matchable,
                                int seq, int restarts, int alerts, AtomicReference<Daemon> current) throws Exception {
        // Set-up run: a new database gets the saved search; the clean exit writes the class-data archive.
        Daemon daemon = Daemon.start(install, env, log, "run");
        current.set(daemon);
        daemon.awaitLog("Ready in", Duration.ofSeconds(60));
        await("the bot's first getUpdates", Duration.ofSeconds(15), () -> !telegram.calls("getUpdates").isEmpty());
        int replies = telegram.replies(Scenario.CHAT).size();
        telegram.userSays(Scenario.CHAT, "/add_search vinyl format:vinyl");
        await("the answer to /add_search", Duration.ofSeconds(10), () -> telegram.replies(Scenario.CHAT).size() > replies);
        await("the first poll (an eBay search) after /add_search: does this build poll?", Duration.ofSeconds(30),
                () -> !ebay.searches().isEmpty());
        settle(discogs, daemon);
        check(daemon.terminate(Duration.ofSeconds(30)).orElse(-1) == 0, "the set-up run did not stop cleanly");

        // First start: no class-data archive (as after an install or upgrade); its clean exit writes one.
        Daemon.sleep(Duration.ofSeconds(5).toMillis()); // the search is due again at start
        try (var files = Files.list(data)) {
            for (Path jsa : files.filter(f -> f.getFileName().toString().endsWith(".jsa")).toList()) {
                Files.delete(jsa);
            }
        }
        int searchesBefore = ebay.searches().size();
        daemon = Daemon.start(install, env, log, "run");
        current.set(daemon);
        Daemon first = daemon;
        await("the first poll of the first start", Duration.ofSeconds(60), () -> ebay.searches().size() > searchesBefore);
        long firstStartToPoll = (ebay.searches().get(searchesBefore).nanos() - first.startedNanos()) / 1_000_000;
        settle(discogs, daemon);
        System.out.printf("first start (no archive): first poll %d ms after process start, RSS %d MiB%n",
                firstStartToPoll, rssKib(daemon.pid()) / 1024);
        check(daemon.terminate(Duration.ofSeconds(30)).orElse(-1) == 0, "the first start did not stop cleanly");

        List<Long> startToPoll = new ArrayList<>();
        List<Long> rss = new ArrayList<>();
        for (int i = 0; i < restarts; i++) {
            Daemon.sleep(Duration.ofSeconds(5).toMillis()); // the search is due again at start
            int searches = ebay.searches().size();
            daemon = Daemon.start(install, env, log, "run");
            current.set(daemon);
            Daemon d = daemon;
            await("the first poll after a restart", Duration.ofSeconds(60), () -> ebay.searches().size() > searches);
            startToPoll.add((ebay.searches().get(searches).nanos() - d.startedNanos()) / 1_000_000);
            settle(discogs, daemon);
            rss.add(rssKib(daemon.pid()));
            System.out.printf("restart %d: first poll %d ms after process start, RSS %d MiB%n", i + 1,
                    startToPoll.get(i), rss.get(i) / 1024);
            if (i < restarts - 1) {
                check(daemon.terminate(Duration.ofSeconds(30)).orElse(-1) == 0, "a restart did not stop cleanly");
            }
        }

        // Idle CPU rate, then one poll of 200 new listings.
        long clockTick = clockTicksPerSecond();
        long idleStartTicks = cpuTicks(daemon.pid());
        long idleStart = System.nanoTime();
        Daemon.sleep(10_000);
        double idleTicksPerNano = (double) (cpuTicks(daemon.pid()) - idleStartTicks) / (System.nanoTime() - idleStart);
        List<FakeEbay.Listing> batch = new ArrayList<>();
        for (int i = 0; i < NEW_LISTINGS / 2; i++) {
            Map<String, Object> r = matchable.get(i % matchable.size());
            batch.add(listing(++seq, r, fairPrice(r), "seller" + seq, VARIANTS.get(i / matchable.size() % VARIANTS.size())));
            String junk = NOT_RECORDS.get(i % NOT_RECORDS.size()) + VARIANTS.get(i / NOT_RECORDS.size() % VARIANTS.size());
            batch.add(new FakeEbay.Listing(String.valueOf(300_000_000_000L + seq), junk, "12.99", "4.00",
                    "seller" + seq, "New", FakeEbay.RECORDS, Map.of(), null));
        }
        Collections.shuffle(batch, new Random(7));
        int searches = ebay.searches().size();
        int discogsBefore = discogs.requests().size();
        long ticksBefore = cpuTicks(daemon.pid());
        long pollStart = System.nanoTime();
        ebay.add(batch.toArray(FakeEbay.Listing[]::new));
        await("the poll that reads the 200 new listings", Duration.ofSeconds(30), () -> ebay.searches().size() > searches);
        // Done when the poll that read them and its catch-up turns (40 listings a turn) have logged their lines
        // and nothing waits any more. Most of the wall time is the Discogs rate limit (60 a minute) on look-ups
        // of listings the catalog lacks.
        Daemon d = daemon;
        String read = "listings, " + NEW_LISTINGS + " new";
        await("the " + NEW_LISTINGS + " listings to be dealt with", Duration.ofMinutes(15), () -> {
            Daemon.sleep(1_000);
            List<String> polls = d.log().lines().filter(l -> l.contains(" - Poll ")).toList();
            int at = -1;
            for (int i = 0; i < polls.size(); i++) {
                at = polls.get(i).contains(read) ? i : at;
            }
            return at >= 0 && !polls.get(polls.size() - 1).contains("waiting for the next turn");
        });
        long wall = System.nanoTime() - pollStart;
        long ticks = cpuTicks(daemon.pid()) - ticksBefore;
        long pollCpuMs = ticks * 1000 / clockTick;
        long idleShareMs = Math.round(idleTicksPerNano * wall) * 1000 / clockTick;
        int discogsCalls = discogs.requests().size() - discogsBefore;
        int itemCalls = ebay.requests(r -> r.path().startsWith(FakeEbay.ITEM_PATH) && r.nanos() > pollStart).size();

        // Alert latency: deals on a release priced already.
        List<Long> addedToAlert = new ArrayList<>();
        List<Long> pollToAlert = new ArrayList<>();
        Map<String, Object> dealRelease = matchable.get(0);
        for (int i = 0; i < alerts; i++) {
            FakeEbay.Listing deal = listing(++seq, dealRelease, dealPrice(dealRelease), "dealer" + seq,
                    VARIANTS.get((i + 1) % VARIANTS.size()));
            int before = ebay.searches().size();
            int alertsBefore = telegram.alerts(Scenario.CHAT).size();
            long added = System.nanoTime();
            ebay.add(deal);
            await("the alert for deal " + (i + 1), Duration.ofSeconds(60),
                    () -> telegram.alerts(Scenario.CHAT).size() > alertsBefore);
            FakeTelegram.Call alert = telegram.alerts(Scenario.CHAT).get(alertsBefore);
            long firstSeen = ebay.searches().get(before).nanos();
            addedToAlert.add((alert.nanos() - added) / 1_000_000);
            pollToAlert.add((alert.nanos() - firstSeen) / 1_000_000);
            Daemon.sleep(1_500);
        }
        long stop = System.nanoTime();
        check(daemon.terminate(Duration.ofSeconds(30)).orElse(-1) == 0, "the daemon did not stop cleanly");
        long stopMs = (System.nanoTime() - stop) / 1_000_000;

        System.out.println();
        System.out.printf("Vinyl Detective daemon, JAVA_OPTS=%s, POLL_INTERVAL=%s, catalog of %d releases (dump sample)%n",
                JAVA_OPTS, POLL_INTERVAL, 1000);
        System.out.println("| measure | median | min | max | target |");
        System.out.println("|---|---|---|---|---|");
        System.out.printf("| start to first poll (first start, writes the archive) | %d ms | | | |%n", firstStartToPoll);
        row("start to first poll (restarts)", startToPoll, "ms", "<= 1500 ms");
        row("idle RSS after the first poll", kibToMib(rss), "MiB", "<= 110 MiB");
        System.out.printf("| CPU of one poll of %d new listings | %d ms (%d ms less idle) | | | wall %d s, %d Discogs calls, %d getItem |%n",
                NEW_LISTINGS, pollCpuMs, pollCpuMs - idleShareMs, wall / 1_000_000_000L, discogsCalls, itemCalls);
        row("alert latency: listing added -> Telegram call", addedToAlert, "ms", "");
        row("alert latency: poll that found it -> Telegram call", pollToAlert, "ms", "");
        System.out.printf("| SIGTERM to exit | %d ms | | | < 10000 ms |%n", stopMs);
    }

    private static void row(String name, List<Long> values, String unit, String target) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        System.out.printf("| %s | %d %s | %d | %d | %s |%n", name, sorted.get(sorted.size() / 2), unit, sorted.get(0),
                sorted.get(sorted.size() - 1), target);
    }

    /** Waits for the daemon to go quiet after a poll: no Discogs call for 3 s, then a little more. */
    private static void settle(FakeDiscogs discogs, Daemon daemon) {
        Daemon.sleep(1_000);
        await("Discogs to go quiet", Duration.ofMinutes(5), () -> discogs.quietMillis() > 3_000);
        check(daemon.alive(), "the daemon died:\n" + daemon.tail());
    }

    private static FakeEbay.Listing listing(int seq, Map<String, Object> release, String price, String seller,
                                            String variant) {
        Map<String, Object> label = Shared.object(
                Shared.list(release.get("labels")).get(0));
        String artist = String.valueOf(Shared.object(
                Shared.list(release.get("artists")).get(0)).get("name")).replaceAll(" \\(\\d+\\)$", "");
        String title = artist + " - " + release.get("title") + " " + label.get("catno") + " Vinyl VG+" + variant;
        Map<String, String> aspects = new LinkedHashMap<>();
        aspects.put("Artist", artist);
        aspects.put("Record Label", String.valueOf(label.get("name")));
        aspects.put("Record Grading", "Very Good Plus (VG+)");
        return FakeEbay.Listing.record(String.valueOf(200_000_000_000L + seq), title, price, "4.00", seller, aspects);
    }

    /** Releases whose first catalog number no other release of the sample shares (and is a real number). */
    private static List<Map<String, Object>> distinctCatalogNumbers(List<Map<String, Object>> releases) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Map<String, Object> r : releases) {
            for (Object l : Shared.list(r.get("labels"))) {
                counts.merge(FakeDiscogs.key(String.valueOf(Shared.object(l).get("catno"))), 1, Integer::sum);
            }
        }
        List<Map<String, Object>> out = new ArrayList<>();
        Set<String> works = new HashSet<>();
        for (Map<String, Object> r : releases) {
            List<Object> labels = Shared.list(r.get("labels"));
            List<Object> artists = Shared.list(r.get("artists"));
            if (labels.isEmpty() || artists.isEmpty()) {
                continue;
            }
            String catno = String.valueOf(Shared.object(labels.get(0)).get("catno"));
            String key = FakeDiscogs.key(catno);
            String artist = String.valueOf(Shared.object(artists.get(0)).get("name"));
            if (counts.get(key) == 1 && key.replaceAll("\\D", "").length() >= 3 && !artist.equals("Various")
                    && works.add(artist + "|" + r.get("title"))) {
                out.add(r);
            }
        }
        return out;
    }

    private static boolean isVinyl(Map<String, Object> release) {
        return Shared.list(release.get("formats")).stream()
                .anyMatch(f -> "Vinyl".equals(Shared.object(f).get("name")));
    }

    private static long id(Map<String, Object> release) {
        return ((Number) release.get("id")).longValue();
    }

    /** Made-up prices, fixed per release: Very Good Plus between 18 and 57 USD. */
    private static FakeDiscogs.Prices prices(long id) {
        double vgPlus = 18 + id % 40;
        return FakeDiscogs.Prices.of(vgPlus * 1.2, vgPlus * 1.1, vgPlus, vgPlus * 0.75, vgPlus * 0.55, vgPlus * 0.4,
                vgPlus * 0.25, vgPlus * 0.15, vgPlus * 0.9, 6);
    }

    private static String fairPrice(Map<String, Object> release) {
        return String.format(Locale.ROOT, "%.2f", 18 + id(release) % 40.0);
    }

    private static String dealPrice(Map<String, Object> release) {
        return String.format(Locale.ROOT, "%.2f", (18 + id(release) % 40.0) * 0.3);
    }

    private static List<Long> kibToMib(List<Long> kib) {
        return kib.stream().map(k -> k / 1024).toList();
    }

    private static long rssKib(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        throw new IllegalStateException("no VmRSS for pid " + pid);
    }

    /** utime + stime of a process, in clock ticks (fields 14 and 15 of /proc/pid/stat). */
    private static long cpuTicks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the CPU time of pid " + pid + " (has it died?)", e);
        }
    }

    private static long clockTicksPerSecond() {
        try {
            Process p = new ProcessBuilder("getconf", "CLK_TCK").start();
            String out = new String(p.getInputStream().readAllBytes()).strip();
            return p.waitFor() == 0 ? Long.parseLong(out) : 100;
        } catch (IOException | InterruptedException | NumberFormatException e) {
            return 100;
        }
    }

    private static void await(String what, Duration limit, BooleanSupplier condition) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            check(System.nanoTime() < deadline, "waited " + limit.toSeconds() + " s for " + what);
            Daemon.sleep(50);
        }
    }

    private static void check(boolean ok, String message) {
        if (!ok) {
            throw new IllegalStateException(message);
        }
    }
}
