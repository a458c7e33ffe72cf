package io.vinyldetective.engine.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Start-up benchmark (a main class, not a test): starts the installed {@code bin/vinyl-detective run}
 * several times with {@code JAVA_OPTS=-Xmx64m} on one data folder (the first run creates and migrates
 * the database, the others are restarts, as under systemd), reads the engine's own
 * "Ready in N ms" line (measured from process start), samples RSS once ready, stops it with
 * SIGTERM and reports the median, min and max, plus the time from SIGTERM to exit.
 *
 * <pre>
 * java -cp engine/target/test-classes io.vinyldetective.engine.bench.StartupBenchmark dist/target/vinyl-detective [RUNS]
 * </pre>
 */
public final class StartupBenchmark {

    private StartupBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path install = Path.of(args.length > 0 ? args[0] : "dist/target/vinyl-detective").toAbsolutePath();
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 7;
        List<Long> ready = new ArrayList<>();
        List<Long> rss = new ArrayList<>();
        List<Long> stop = new ArrayList<>();
        Path data = Files.createTempDirectory("vd-startup");
        for (int i = 0; i < runs; i++) {
            ProcessBuilder builder = new ProcessBuilder(install.resolve("bin/vinyl-detective").toString(), "run")
                    .redirectErrorStream(true);
            builder.environment().put("JAVA_OPTS", System.getProperty("vd.java.opts", "-Xmx64m"));
            builder.environment().put("DATA_DIR", data.toString());
            // The engine and every plugin jar, without accounts: no source, no oracle, cards to the console.
            builder.environment().put("PIPELINE_SOURCES", "");
            builder.environment().put("PIPELINE_ORACLE", "");
            builder.environment().put("PIPELINE_NOTIFIERS", "console");
            Process p = builder.start();
            long readyMs = -1;
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    int at = line.indexOf("Ready in ");
                    if (at >= 0) {
                        readyMs = Long.parseLong(line.substring(at + 9, line.indexOf(" ms", at)));
                        Thread.sleep(500);
                        rss.add(rssKib(p.pid()));
                        long t0 = System.nanoTime();
                        new ProcessBuilder("kill", "-TERM", Long.toString(p.pid())).start().waitFor();
                        if (!p.waitFor(15, TimeUnit.SECONDS) || p.exitValue() != 0) {
                            throw new IllegalStateException("did not exit 0 within 15 s of SIGTERM");
                        }
                        stop.add((System.nanoTime() - t0) / 1_000_000);
                        break;
                    }
                }
            } finally {
                p.destroyForcibly();
            }
            if (readyMs < 0) {
                throw new IllegalStateException("the engine never said it was ready");
            }
            ready.add(readyMs);
            System.out.printf("run %d: ready %d ms, RSS %d MiB%n", i + 1, readyMs, rss.get(rss.size() - 1) / 1024);
        }
        List<Long> restarts = ready.subList(1, ready.size());
        System.out.printf("first start (new database): %d ms; restarts: median %d ms (min %d, max %d);"
                + " RSS median %d MiB; SIGTERM to exit median %d ms%n", ready.get(0), median(restarts),
                Collections.min(restarts), Collections.max(restarts), median(rss) / 1024, median(stop));
    }

    private static long rssKib(long pid) throws IOException {
        // The launcher execs java, so the pid is the JVM's.
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return -1;
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
