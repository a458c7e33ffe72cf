package io.vinyldetective.plugins.match.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.micronaut.context.ApplicationContext;
import io.vinyldetective.api.Release;
import io.vinyldetective.api.TextKeys;
import io.vinyldetective.engine.catalog.CatalogStore;
import io.vinyldetective.engine.matching.ReleaseMatcher;
import io.vinyldetective.engine.pipeline.Pipeline;
import io.vinyldetective.engine.wants.Want;
import io.vinyldetective.engine.wants.WantStore;
import io.vinyldetective.engine.wants.WatchBatch;
import io.vinyldetective.engine.wants.WatchBatches;
import io.vinyldetective.engine.wants.WatchMatcher;
import io.vinyldetective.engine.wants.WatchScopes;
import io.vinyldetective.plugins.match.testkit.DevSet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Wantlist watches on the labelled dev set, through the engine with the tier jars: every release some
 * listing is labelled with becomes a want (once for the exact pressing, once for any pressing), the
 * wants are batched as the daemon batches them, each listing goes to every batch whose OR query it
 * answers (its title holds one term's words, as eBay's keyword search would), and is matched within
 * that batch's scope. An alert is right when the want's release is one the truth accepts for the
 * listing (for any pressing: one of the same master). Precision must be 1.0; recall is printed.
 */
@Tag("devset")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WatchDevSetTest {

    static final Path DATA = DevSet.sharedDir().resolve("data/matching-dev");
    static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

    @TempDir
    static Path dir;
    private DevSetEngine engine;
    private ApplicationContext context;
    private Pipeline pipeline;
    private List<DevSet.Case> cases;

    @BeforeAll
    void importAndAssemble() throws Exception {
        assumeTrue(Files.isRegularFile(DATA.resolve("releases.xml.gz")), "no dev set at " + DATA);
        engine = DevSetEngine.start(dir, DATA.resolve("releases.xml.gz"));
        context = engine.context();
        pipeline = engine.pipeline();
        cases = DevSet.load(DATA);
    }

    @AfterAll
    void close() {
        if (engine != null) {
            engine.close();
        }
    }

    /** What the alerts of one run came to. */
    private record Tally(int alerts, int wrong, int found, int findable, List<String> mistakes) {
    }

    @Test
    void exactPressingsAreNeverMistaken() {
        Tally t = run(false, "exact");
        assertEquals(List.of(), t.mistakes());
        assertEquals(0, t.wrong());
        assertTrue(t.found() > 0, "no want was alerted at all");
    }

    @Test
    void anyPressingIsNeverMistakenForAnotherWork() {
        Tally t = run(true, "any");
        assertEquals(List.of(), t.mistakes());
        assertEquals(0, t.wrong());
        assertTrue(t.found() > 0, "no want was alerted at all");
    }

    private Tally run(boolean pressingsAny, String chat) {
        CatalogStore catalog = context.getBean(CatalogStore.class);
        WantStore store = context.getBean(WantStore.class);
        Map<Long, Release> wanted = new LinkedHashMap<>();
        for (DevSet.Case c : cases) {
            c.accept().stream().sorted().findFirst().flatMap(catalog::release).ifPresent(r -> wanted.putIfAbsent(r.id(), r));
        }
        List.of("exact", "any").forEach(store::unlink); // one run's wants at a time
        store.link(chat, "dev-" + chat, pressingsAny, NOW);
        store.applySync(chat, List.copyOf(wanted.values()), NOW, NOW);
        wanted.values().stream().map(Release::masterId).filter(m -> m != null)
                .forEach(m -> store.versionsChecked(m, NOW)); // the dump holds the masters' pressings
        List<WatchBatch> batches = context.getBean(WatchBatches.class).plan(WatchDevSetTest::ebayAnyOf);
        ReleaseMatcher matcher = new ReleaseMatcher(pipeline.matchers());
        WatchScopes scopes = context.getBean(WatchScopes.class);
        int alerts = 0;
        int wrong = 0;
        Set<String> found = new HashSet<>();
        List<String> mistakes = new ArrayList<>();
        for (WatchBatch batch : batches) {
            WatchMatcher watch = new WatchMatcher(matcher, pipeline.matcherCatalog(), batch, scopes.of(batch));
            for (DevSet.Case c : cases) {
                if (!answers(batch, c.listing().title())) {
                    continue;
                }
                for (Want taker : watch.match(c.listing()).takers()) {
                    alerts++;
                    if (right(taker, c.accept(), catalog)) {
                        found.add(c.listing().id() + "|" + taker.releaseId());
                    } else {
                        wrong++;
                        mistakes.add(c.listing().title() + " -> want " + taker.releaseId() + " (" + taker.describe()
                                + "); truth " + c.accept());
                    }
                }
            }
        }
        int findable = 0;
        for (DevSet.Case c : cases) {
            if (!c.accept().isEmpty()) {
                findable++;
            }
        }
        System.out.printf("%nWatches on the dev set (%s): %d wants in %d queries; %d alerts, %d wrong; %d of %d labelled"
                + " listings alerted to their want%n", chat, wanted.size(), batches.size(), alerts, wrong, found.size(),
                findable);
        mistakes.forEach(m -> System.out.println("  WRONG " + m));
        return new Tally(alerts, wrong, found.size(), findable, mistakes);
    }

    private static boolean right(Want taker, Set<Long> accept, CatalogStore catalog) {
        if (accept.contains(taker.releaseId())) {
            return true;
        }
        if (!taker.pressingsAny() || taker.masterId() == null) {
            return false;
        }
        return accept.stream().map(catalog::release).flatMap(Optional::stream)
                .anyMatch(r -> taker.masterId().equals(r.masterId()));
    }

    /** Whether eBay would return the listing for the batch: its title holds every word of one term. */
    private static boolean answers(WatchBatch batch, String title) {
        Set<String> words = new LinkedHashSet<>(TextKeys.words(title));
        String inner = batch.query().startsWith("(") ? batch.query().substring(1, batch.query().length() - 1) : batch.query();
        for (String term : inner.split(", ")) {
            if (words.containsAll(TextKeys.words(term))) {
                return true;
            }
        }
        return false;
    }

    private static Optional<String> ebayAnyOf(List<String> terms) {
        String q = terms.size() == 1 ? terms.get(0) : "(" + String.join(", ", terms) + ")";
        return q.length() <= 100 ? Optional.of(q) : Optional.empty();
    }
}
