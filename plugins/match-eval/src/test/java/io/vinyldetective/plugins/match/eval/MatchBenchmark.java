package io.vinyldetective.plugins.match.eval;

import io.micronaut.context.ApplicationContext;
import io.vinyldetective.api.Catalog;
import io.vinyldetective.api.HttpGateway;
import io.vinyldetective.api.PluginStore;
import io.vinyldetective.api.Listing;
import io.vinyldetective.api.MatchResult;
import io.vinyldetective.api.Release;
import io.vinyldetective.engine.catalog.CatalogStore;
import io.vinyldetective.engine.matching.ListingJson;
import io.vinyldetective.engine.matching.MatchOutcome;
import io.vinyldetective.engine.matching.ReleaseMatcher;
import io.vinyldetective.engine.pipeline.EnginePluginServices;
import io.vinyldetective.engine.pipeline.Pipeline;
import io.vinyldetective.engine.pipeline.PipelineAssembler;
import io.vinyldetective.engine.pipeline.PipelineSettings;
import io.vinyldetective.engine.pipeline.PluginServices;
import io.vinyldetective.engine.plugins.PluginHost;
import io.vinyldetective.engine.storage.StorageSettings;
import io.vinyldetective.plugins.match.testkit.DevSet;
import io.vinyldetective.plugins.match.testkit.DevSetEvaluator;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The matching benchmark (a main class, not a test): the default tier chain, loaded from the built
 * plugin jars by the engine, over the dev listings against a catalog of about a million releases in
 * SQLite. Two steps, each in its own JVM:
 *
 * <pre>
 * generate WORK_DIR        writes WORK_DIR/catalog-1m.xml.gz: the dev catalog plus copies of it whose
 *                          artists have other first names ("Kavori Davis" beside "Miles Davis"), their
 *                          own catalog numbers and no barcodes, to about 1,000,000 releases. A dev
 *                          release and its copies share one id modulo 10,000,000, and which of them
 *                          has the lowest id is drawn per release ({@link #originalSlot}): the index
 *                          lists releases by id, and the dev release must not always come first
 * (then import it with the engine: DATA_DIR=... vinyl-detective import-dump WORK_DIR/catalog-1m.xml.gz)
 * run DATA_DIR PLUGINS_DIR  times the first (cold) pass, warms up, then times every listing of the dev set
 *                          over several passes (mean, median, p99), scores it against the truth, times the
 *                          catalog calls the tiers made alone (the SQLite floor) and prints peak RSS (VmHWM)
 * </pre>
 */
public final class MatchBenchmark {

    private static final int COPIES = 95;
    /** A dev release's versions (itself and its copies) have ids {@code id + slot * SLOT}, slots 0..COPIES. */
    private static final long SLOT = 10_000_000L;
    private static final int WARM_UP_PASSES = 3;
    private static final int PASSES = 9;
    private static final String[] SYLLABLES = {"ka", "vo", "ri", "ne", "mo", "ta", "lu", "si", "de", "ba", "zo", "pe"};

    private MatchBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 2 && args[0].equals("generate")) {
            generate(Path.of(args[1]));
        } else if (args.length == 3 && args[0].equals("run")) {
            run(Path.of(args[1]), Path.of(args[2]));
        } else {
            System.err.println("usage: MatchBenchmark generate WORK_DIR | run DATA_DIR PLUGINS_DIR");
            System.exit(2);
        }
    }

    // ---------------------------------------------------------------- generate

    private static final Pattern ID = Pattern.compile("^<release id=\"(\\d+)\"");
    private static final Pattern FIRST_ARTIST = Pattern.compile("<artists><artist><id>(\\d+)</id><name>([^<]*)</name>");
    private static final Pattern CATNO = Pattern.compile("catno=\"([^\"]*)\"");
    private static final Pattern BARCODE = Pattern.compile("<identifier type=\"Barcode\"[^>]*/>");

    static void generate(Path work) throws Exception {
        Files.createDirectories(work);
        Path dev = DevSet.sharedDir().resolve("data/matching-dev/releases.xml.gz");
        List<String> releases = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(dev)),
                StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null; ) {
                if (line.startsWith("<release ")) {
                    releases.add(line);
                }
            }
        }
        Path out = work.resolve("catalog-1m.xml.gz");
        Random random = new Random(7);
        long n = 0;
        try (Writer w = new BufferedWriter(new OutputStreamWriter(new GZIPOutputStream(Files.newOutputStream(out), 1 << 16) {
            {
                def.setLevel(Deflater.BEST_SPEED);
            }
        }, StandardCharsets.UTF_8), 1 << 16)) {
            w.write("<releases>\n");
            for (String r : releases) {
                w.write(withId(r, id -> id + originalSlot(id) * SLOT));
                w.write('\n');
                n++;
            }
            for (int copy = 1; copy <= COPIES; copy++) {
                for (String r : releases) {
                    w.write(copy(r, copy, random));
                    w.write('\n');
                    n++;
                }
            }
            w.write("</releases>\n");
        }
        System.out.printf("wrote %,d releases to %s (%,d bytes)%n", n, out, Files.size(out));
    }

    /**
     * The slot a dev release takes among its versions (copy {@code c} takes slot {@code c}, and the copy
     * whose slot the dev release took takes slot 0). Drawn from the id, so the run can map ids back.
     */
    static int originalSlot(long devId) {
        return (int) Math.floorMod((devId * 0x9E3779B97F4A7C15L) >>> 33, (long) COPIES + 1);
    }

    /** The dev release's id for the id of one of its versions; a copy's id stays a copy's id (never a dev id). */
    static long devId(long id) {
        long base = id % SLOT;
        long slot = id / SLOT;
        if (slot == originalSlot(base)) {
            return base;
        }
        return slot == 0 ? base + originalSlot(base) * SLOT : id;
    }

    private static String withId(String release, java.util.function.LongUnaryOperator newId) {
        Matcher id = ID.matcher(release);
        if (!id.find()) {
            throw new IllegalStateException("no id: " + release.substring(0, Math.min(80, release.length())));
        }
        return "<release id=\"" + newId.applyAsLong(Long.parseLong(id.group(1))) + "\"" + release.substring(id.end());
    }

    private static String copy(String release, int copy, Random random) {
        long offset = copy * SLOT;
        String r = withId(release, id -> id + (originalSlot(id) == copy ? 0 : offset));
        Matcher artist = FIRST_ARTIST.matcher(r);
        if (artist.find()) {
            String name = artist.group(2);
            String first = SYLLABLES[random.nextInt(12)] + SYLLABLES[random.nextInt(12)] + SYLLABLES[random.nextInt(12)];
            first = Character.toUpperCase(first.charAt(0)) + first.substring(1);
            int space = name.indexOf(' ');
            String renamed = space < 0 ? first + " " + name : first + name.substring(space);
            r = r.substring(0, artist.start()) + "<artists><artist><id>" + (Long.parseLong(artist.group(1)) + offset)
                    + "</id><name>" + renamed + "</name>" + r.substring(artist.end());
        }
        r = CATNO.matcher(r).replaceAll(m -> m.group(1).isBlank() ? m.group() : "catno=\"" + Matcher.quoteReplacement(m.group(1)) + " S" + copy + "\"");
        return BARCODE.matcher(r).replaceAll("");
    }

    // ---------------------------------------------------------------- run

    static void run(Path dataDir, Path pluginsDir) throws Exception {
        Path devDir = DevSet.sharedDir().resolve("data/matching-dev");
        List<Listing> listings = new ArrayList<>();
        for (String line : Files.readAllLines(devDir.resolve("listings.jsonl"), StandardCharsets.UTF_8)) {
            listings.add(ListingJson.parse(line));
        }
        try (ApplicationContext context = ApplicationContext.run(Map.of(StorageSettings.DATA_DIR, dataDir.toString(),
                "vinyl-detective.plugins-dir", pluginsDir.toString()))) {
            CatalogStore store = context.getBean(CatalogStore.class);
            long size = store.size();
            RecordingCatalog recording = new RecordingCatalog(store);
            EnginePluginServices engine = context.getBean(EnginePluginServices.class);
            PluginServices services = new PluginServices() {
                @Override
                public Map<String, String> rawSettings(String pluginId) {
                    return engine.rawSettings(pluginId);
                }

                @Override
                public HttpGateway http(String pluginId) {
                    return engine.http(pluginId);
                }

                @Override
                public Catalog catalog() {
                    return recording;
                }

                @Override
                public Clock clock() {
                    return engine.clock();
                }

                @Override
                public PluginStore store(String pluginId) {
                    return engine.store(pluginId);
                }
            };
            PipelineAssembler assembler = new PipelineAssembler(context.getBean(PluginHost.class), services);
            try (Pipeline pipeline = assembler.assembleMatchers(context.getBean(PipelineSettings.class), false)) {
                ReleaseMatcher matcher = new ReleaseMatcher(pipeline.matchers());
                System.out.printf("catalog: %,d releases; %s%n", size, pipeline.describe());

                long firstPass = 0;
                for (int i = 0; i < WARM_UP_PASSES; i++) {
                    long start = System.nanoTime();
                    for (Listing l : listings) {
                        matcher.match(l);
                    }
                    if (i == 0) {
                        firstPass = System.nanoTime() - start;
                    }
                }
                long[] nanos = new long[listings.size() * PASSES];
                long[] cpu = new long[listings.size() * PASSES];
                java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
                int k = 0;
                long matched = 0;
                long wall = System.nanoTime();
                for (int pass = 0; pass < PASSES; pass++) {
                    for (Listing l : listings) {
                        long c0 = threads.getCurrentThreadCpuTime();
                        long t0 = System.nanoTime();
                        MatchOutcome o = matcher.match(l);
                        nanos[k] = System.nanoTime() - t0;
                        cpu[k++] = threads.getCurrentThreadCpuTime() - c0;
                        matched += o.matched() ? 1 : 0;
                    }
                }
                wall = System.nanoTime() - wall;

                // The catalog calls each listing makes, then those calls alone against the store.
                List<List<Supplier<Object>>> calls = new ArrayList<>();
                for (Listing l : listings) {
                    recording.start();
                    matcher.match(l);
                    calls.add(recording.stop());
                }
                long totalCalls = calls.stream().mapToLong(List::size).sum();
                for (int i = 0; i < WARM_UP_PASSES; i++) {
                    calls.forEach(c -> c.forEach(Supplier::get));
                }
                long[] floor = new long[listings.size() * PASSES];
                long[] floorCpu = new long[listings.size() * PASSES];
                k = 0;
                for (int pass = 0; pass < PASSES; pass++) {
                    for (List<Supplier<Object>> c : calls) {
                        long c0 = threads.getCurrentThreadCpuTime();
                        long t0 = System.nanoTime();
                        for (Supplier<Object> call : c) {
                            call.get();
                        }
                        floor[k] = System.nanoTime() - t0;
                        floorCpu[k++] = threads.getCurrentThreadCpuTime() - c0;
                    }
                }

                List<Map.Entry<Long, String>> slowest = new ArrayList<>();
                for (List<Supplier<Object>> c : calls) {
                    for (Supplier<Object> call : c) {
                        long t0 = System.nanoTime();
                        Object result = call.get();
                        long t = System.nanoTime() - t0;
                        slowest.add(Map.entry(t, recording.described.get(call) + " -> "
                                + (result instanceof List<?> l ? l.size() + " releases" : String.valueOf(result))));
                    }
                }
                slowest.sort(Map.Entry.<Long, String>comparingByKey().reversed());
                Map<String, long[]> byKind = new java.util.TreeMap<>();
                for (Map.Entry<Long, String> e : slowest) {
                    String what = e.getValue().substring(0, e.getValue().indexOf(' '));
                    if (what.equals("search")) {
                        what += e.getValue().endsWith("-> 0 releases") ? " (nothing found)" : " (found)";
                    }
                    long[] t = byKind.computeIfAbsent(what, w -> new long[2]);
                    t[0]++;
                    t[1] += e.getKey();
                }

                DevSetEvaluator.Report report = DevSetEvaluator.evaluate(l -> matcher.match(l).match().map(r -> new MatchResult(
                                r.releaseIds().stream().map(MatchBenchmark::devId).toList(), r.method(), r.confidence(), r.reasons())),
                        DevSet.load(devDir), () -> 0L);

                System.out.printf("%nmatching, %d listings x %d passes (after %d warm-up passes), -Xmx%dm:%n",
                        listings.size(), PASSES, WARM_UP_PASSES, Runtime.getRuntime().maxMemory() >> 20);
                System.out.printf("  per listing: mean %.3f ms, median %.3f ms, p90 %.3f ms, p99 %.3f ms, max %.3f ms; "
                        + "%.0f listings/s; %d%% matched%n", mean(nanos), pct(nanos, 0.5), pct(nanos, 0.9), pct(nanos, 0.99),
                        pct(nanos, 1.0), nanos.length / (wall / 1e9), matched * 100 / nanos.length);
                System.out.printf("  first pass, cold (the JIT, the catalog's word counts, SQLite's pages): mean %.3f ms%n",
                        firstPass / 1e6 / listings.size());
                double[] passMeans = new double[PASSES];
                for (int pass = 0; pass < PASSES; pass++) {
                    passMeans[pass] = mean(Arrays.copyOfRange(nanos, pass * listings.size(), (pass + 1) * listings.size()));
                }
                Arrays.sort(passMeans);
                System.out.printf("  mean of each pass: lowest %.3f ms, median %.3f ms, highest %.3f ms (a stall of the machine "
                        + "shows in one pass)%n", passMeans[0], passMeans[PASSES / 2], passMeans[PASSES - 1]);
                System.out.printf("  catalog calls alone (SQLite floor, %.2f calls per listing): median %.3f ms, p90 %.3f ms, "
                        + "p99 %.3f ms%n", (double) totalCalls / listings.size(), pct(floor, 0.5), pct(floor, 0.9), pct(floor, 0.99));
                System.out.printf("  matcher over floor: median %.2fx (+%.3f ms), p99 %.2fx; the tiers' own share of the median: %.0f%%%n",
                        pct(nanos, 0.5) / pct(floor, 0.5), pct(nanos, 0.5) - pct(floor, 0.5), pct(nanos, 0.99) / pct(floor, 0.99),
                        100 * (1 - pct(floor, 0.5) / pct(nanos, 0.5)));
                System.out.printf("  CPU time of this thread (insensitive to other processes): matcher mean %.3f ms, median %.3f ms, "
                        + "p99 %.3f ms; floor mean %.3f ms, median %.3f ms, p99 %.3f ms%n", mean(cpu), pct(cpu, 0.5), pct(cpu, 0.99),
                        mean(floorCpu), pct(floorCpu, 0.5), pct(floorCpu, 0.99));
                System.out.println("  by call: " + recording.summary());
                byKind.forEach((what, t) -> System.out.printf("    %-26s %5d calls, %8.3f ms per listing, mean %.3f ms%n",
                        what, t[0], t[1] / 1e6 / listings.size(), t[1] / 1e6 / t[0]));
                System.out.println("  slowest catalog calls:");
                slowest.stream().limit(12).forEach(e -> System.out.printf("    %8.3f ms  %s%n", e.getKey() / 1e6, e.getValue()));
                System.out.printf("%nquality against %,d releases:%n%s", size, report.table());
                System.out.println("first failures:");
                report.failures().stream().limit(15).forEach(System.out::println);
            }
        }
        System.out.println(memory());
    }

    /** The mean in milliseconds. */
    private static double mean(long[] nanos) {
        return Arrays.stream(nanos).average().orElse(0) / 1e6;
    }

    private static double pct(long[] nanos, double p) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        int i = (int) Math.min(sorted.length - 1, Math.floor(sorted.length * p));
        return sorted[i] / 1e6;
    }

    private static String memory() throws Exception {
        StringBuilder sb = new StringBuilder("memory:");
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmHWM") || line.startsWith("VmRSS")) {
                sb.append("  ").append(line.replaceAll("\\s+", " "));
            }
        }
        Runtime rt = Runtime.getRuntime();
        return sb.append(String.format("  heap used %d MB of max %d MB", (rt.totalMemory() - rt.freeMemory()) >> 20,
                rt.maxMemory() >> 20)).toString();
    }

    /** Passes calls to the store; between start() and stop() also records them for replay. */
    static final class RecordingCatalog implements Catalog {
        private final CatalogStore store;
        private List<Supplier<Object>> recorded;
        final Map<Supplier<Object>, String> described = new java.util.IdentityHashMap<>();
        private final Map<String, long[]> counts = new java.util.TreeMap<>();

        RecordingCatalog(CatalogStore store) {
            this.store = store;
        }

        void start() {
            recorded = new ArrayList<>();
        }

        List<Supplier<Object>> stop() {
            List<Supplier<Object>> r = recorded;
            recorded = null;
            return r;
        }

        String summary() {
            StringBuilder sb = new StringBuilder();
            counts.forEach((k, v) -> sb.append(k).append('=').append(v[0]).append(' '));
            return sb.toString().strip();
        }

        private void record(String name, Supplier<Object> call) {
            record(name, name, call);
        }

        private void record(String name, String description, Supplier<Object> call) {
            if (recorded != null) {
                recorded.add(call);
                described.put(call, description);
                counts.computeIfAbsent(name, n -> new long[1])[0]++;
            }
        }

        @Override
        public Optional<Release> release(long id) {
            record("release", "release " + id, () -> store.release(id));
            return store.release(id);
        }

        @Override
        public List<Release> byCatalogNumber(String catalogNumber) {
            record("byCatalogNumber", "byCatalogNumber " + catalogNumber, () -> store.byCatalogNumber(catalogNumber));
            return store.byCatalogNumber(catalogNumber);
        }

        @Override
        public List<Release> byBarcode(String barcode) {
            record("byBarcode", "byBarcode " + barcode, () -> store.byBarcode(barcode));
            return store.byBarcode(barcode);
        }

        @Override
        public List<Release> search(List<String> allOf, List<String> anyOf, int limit) {
            List<String> all = allOf == null ? null : List.copyOf(allOf);
            List<String> any = anyOf == null ? null : List.copyOf(anyOf);
            record("search", "search " + all + " " + any + " " + limit, () -> store.search(all, any, limit));
            return store.search(allOf, anyOf, limit);
        }

        @Override
        public long size() {
            record("size", store::size);
            return store.size();
        }
    }
}
