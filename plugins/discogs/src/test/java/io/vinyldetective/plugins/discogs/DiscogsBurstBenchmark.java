package io.vinyldetective.plugins.discogs;

import io.vinyldetective.api.PluginException;
import io.vinyldetective.api.Release;
import io.vinyldetective.api.Urgency;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Economy and pace under a burst of unknown listings, against the fake enforcing Discogs' 60 per
 * window (the minute scaled down to {@code window-ms}, default 1000): 500 listings, of which 300 carry
 * a new catalog number Discogs knows, 100 one it does not, 100 a number already seen; every release
 * found is then priced once. Prints requests per new catalog number, per priced release, the most
 * requests in any window and the 429s. Not a unit test: run it by hand (see the README).
 *
 * <p>Arguments: {@code [window-ms] [requests-per-window] [threads]}.
 */
public final class DiscogsBurstBenchmark {

    private DiscogsBurstBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Duration window = Duration.ofMillis(args.length > 0 ? Long.parseLong(args[0]) : 1000);
        String perWindow = args.length > 1 ? args[1] : "50";
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 16;
        List<String> catalogNumbers = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            catalogNumbers.add("SYN-" + i);
        }
        for (int i = 0; i < 100; i++) {
            catalogNumbers.add("UNKNOWN-" + i);
        }
        for (int i = 0; i < 100; i++) {
            catalogNumbers.add("SYN-" + (i * 3));
        }
        Collections.shuffle(catalogNumbers, new java.util.Random(42));

        try (FakeDiscogs fake = FakeDiscogs.start().limit(60, window)) {
            DiscogsPriceOracle oracle = new DiscogsPriceOracle(window);
            TestContext context = new TestContext(oracle.configKeys(), TestContext.settings(fake.baseUrl(),
                    "requests-per-minute", perWindow), Clock.systemUTC());
            oracle.start(context);
            Set<Long> found = ConcurrentHashMap.newKeySet();
            AtomicInteger failed = new AtomicInteger();
            long start = System.nanoTime();
            run(threads, catalogNumbers.size(), i -> {
                for (Release r : oracle.releasesByCatalogNumber(catalogNumbers.get(i), Urgency.LOOKUP)) {
                    found.add(r.id());
                }
            }, failed);
            int lookupRequests = fake.hits();
            long lookupNanos = System.nanoTime() - start;
            List<Long> releases = new ArrayList<>(found);
            run(threads, releases.size(), i -> oracle.prices(releases.get(i), "USD", Urgency.BACKGROUND), failed);
            int priceRequests = fake.hits() - lookupRequests;
            long totalNanos = System.nanoTime() - start;

            int newNumbers = (int) catalogNumbers.stream().distinct().count();
            System.out.printf("listings: %d, distinct catalog numbers: %d (%d known to Discogs), releases found: %d%n",
                    catalogNumbers.size(), newNumbers, 300, found.size());
            System.out.printf("look-up requests: %d = %.2f per new catalog number (%.2f per known, %.2f per unknown)%n",
                    lookupRequests, (double) lookupRequests / newNumbers,
                    (double) (lookupRequests - 100) / 300, 1.0);
            System.out.printf("pricing requests: %d = %.2f per priced release%n", priceRequests,
                    (double) priceRequests / Math.max(1, releases.size()));
            System.out.printf("window %d ms, limit %s per window (fake enforces 60): most in any window %d, 429s %d,"
                    + " failed calls %d%n", window.toMillis(), perWindow, fake.mostInAnyWindow(), fake.tooMany(),
                    failed.get());
            System.out.printf("sustained: %.1f requests per window over %.1f s (%d requests)%n",
                    fake.hits() / (totalNanos / (double) window.toNanos()), totalNanos / 1e9, fake.hits());
            long searches = fake.seen().stream().filter(x -> x.path().equals("/database/search")).count();
            long distinctSearches = fake.seen().stream().filter(x -> x.path().equals("/database/search"))
                    .map(x -> x.query().get("catno")).distinct().count();
            long releaseCalls = fake.seen().stream().filter(x -> x.path().startsWith("/releases/")).count();
            long distinctReleases = fake.seen().stream().filter(x -> x.path().startsWith("/releases/"))
                    .map(FakeDiscogs.Seen::path).distinct().count();
            System.out.printf("searches %d (%d distinct), release requests %d (%d distinct)%n", searches,
                    distinctSearches, releaseCalls, distinctReleases);
            System.out.printf("look-up phase alone: %.1f s%n", lookupNanos / 1e9);
            oracle.stop();
        }
    }

    private static void run(int threads, int n, java.util.function.IntConsumer task, AtomicInteger failed)
            throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> futures = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int index = i;
            futures.add(pool.submit(() -> {
                try {
                    task.accept(index);
                } catch (PluginException e) {
                    failed.incrementAndGet();
                }
            }));
        }
        for (Future<?> f : futures) {
            try {
                f.get(30, TimeUnit.MINUTES);
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                failed.incrementAndGet();
            }
        }
        pool.shutdownNow();
    }
}
