package io.vinyldetective.engine.cli;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.Environment;
import io.vinyldetective.api.MediaFormat;
import io.vinyldetective.api.Notifier;
import io.vinyldetective.engine.alerts.AlertOutbox;
import io.vinyldetective.engine.demo.RecordedApis;
import io.vinyldetective.engine.pipeline.Pipeline;
import io.vinyldetective.engine.pipeline.PipelineAssembler;
import io.vinyldetective.engine.pipeline.PipelineException;
import io.vinyldetective.engine.pipeline.PipelineSettings;
import io.vinyldetective.engine.polling.Poller;
import io.vinyldetective.engine.storage.SavedSearch;
import io.vinyldetective.engine.storage.SavedSearchRepository;
import io.vinyldetective.engine.storage.StorageSettings;
import ch.qos.logback.classic.Level;
import io.vinyldetective.engine.storage.Migrations;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code vinyl-detective demo}: the product at work in seconds, without accounts. Serves recorded
 * eBay and Discogs responses on 127.0.0.1 ({@link RecordedApis}), points the real plugins at them,
 * saves one search in a throw-away database, and runs one poll through the real pipeline — eBay
 * source, matcher tiers, Discogs prices, deal scorer, alert outbox — printing the deal cards the
 * console notifier would send to a chat. The user's own database and settings are not touched.
 */
@Command(name = "demo", description = "Show the daemon at work on recorded eBay and Discogs responses (no accounts needed).")
public class DemoCommand implements Callable<Integer> {

    static final String QUERY = "jazz";
    static final String CHAT = "demo";
    private static final Duration DRAIN_FOR = Duration.ofSeconds(15);

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        // A fresh database each time: its migrations are not news here.
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(Migrations.class)).setLevel(Level.WARN);
        Path data = Files.createTempDirectory("vinyl-detective-demo");
        try (RecordedApis apis = RecordedApis.start();
             ApplicationContext context = ApplicationContext.builder(Environment.CLI)
                     .properties(demoSettings(apis, data)).start()) {
            Pipeline pipeline;
            try {
                pipeline = context.getBean(PipelineAssembler.class).assemble(context.getBean(PipelineSettings.class));
            } catch (PipelineException e) {
                spec.commandLine().getErr().println("vinyl-detective: the demo cannot start: " + e.getMessage());
                return 1;
            }
            try (pipeline) {
                out.println("Demo: one saved search, \"" + QUERY + "\" on vinyl, polled once against recorded eBay and "
                        + "Discogs answers served on " + apis.baseUrl("ebay").replaceFirst("/ebay$", "") + ".");
                out.println("Deal cards as a subscriber would get them:");
                out.println();
                out.flush();
                SavedSearchRepository searches = context.getBean(SavedSearchRepository.class);
                SavedSearch search = searches.save(new SavedSearch(null, CHAT, QUERY, MediaFormat.VINYL.name(), null, null,
                        0.25, 1800, true, context.getBean(Clock.class).instant(), null, false, false));
                Poller poller = context.getBean(Poller.class);
                poller.attach(pipeline);
                poller.pollSoon(search);
                poller.runDue();
                Map<String, Notifier> notifiers = pipeline.notifiersById();
                int cards = drain(context.getBean(AlertOutbox.class), notifiers);
                out.println(cards == 0 ? "No deals in the recordings (that should not happen: please report it)."
                        : cards + (cards == 1 ? " deal" : " deals") + " found. API calls answered from the recordings: "
                        + apis.requests().size() + ".");
                out.println("Run it for real: set TELEGRAM_TOKEN, DISCOGS_TOKEN, EBAY_APP_ID, EBAY_CERT_ID and "
                        + "TELEGRAM_ALLOWED_CHATS (see .env.example), check with `vinyl-detective doctor`, then "
                        + "`vinyl-detective run`.");
                return cards == 0 ? 1 : 0;
            }
        } finally {
            deleteTree(data);
        }
    }

    /** The real pipeline, pointed at the recordings, with a throw-away database and the cards on stdout. */
    private static Map<String, Object> demoSettings(RecordedApis apis, Path data) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put(StorageSettings.DATA_DIR, data.toString());
        p.put("pipeline.sources", List.of("ebay"));
        p.put("pipeline.oracle", "discogs");
        p.put("pipeline.matchers", List.of("match-catalog", "match-barcode", "match-fuzzy"));
        p.put("pipeline.notifiers", List.of("console"));
        p.put("plugins.console.stream", "stdout");
        p.put("plugins.ebay.base-url", apis.baseUrl("ebay"));
        p.put("plugins.ebay.app-id", "demo-app-id");
        p.put("plugins.ebay.cert-id", "demo-cert-id");
        p.put("plugins.ebay.campaign-id", "5338000000");
        p.put("plugins.ebay.marketplace", "EBAY_US");
        p.put("plugins.discogs.base-url", apis.baseUrl("discogs"));
        p.put("plugins.discogs.token", "demo-token");
        // eBay and Discogs share 127.0.0.1 here, so the Discogs host limit counts both: give it Discogs' full 60.
        p.put("plugins.discogs.requests-per-minute", 60);
        return p;
    }

    /** Delivers the queued alerts (paced per chat by the outbox) until none is left or time is up. */
    private static int drain(AlertOutbox outbox, Map<String, Notifier> notifiers) throws InterruptedException {
        long deadline = System.nanoTime() + DRAIN_FOR.toNanos();
        int delivered = 0;
        while (outbox.pending() > 0 && System.nanoTime() < deadline) {
            delivered += outbox.drain(notifiers);
            if (outbox.pending() > 0) {
                Thread.sleep(200);
            }
        }
        return delivered;
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete the demo's temporary folder " + dir, e);
        }
    }
}
