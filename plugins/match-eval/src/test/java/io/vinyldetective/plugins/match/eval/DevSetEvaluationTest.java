package io.vinyldetective.plugins.match.eval;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.vinyldetective.api.MatcherTier;
import io.vinyldetective.plugins.match.barcode.BarcodeMatcher;
import io.vinyldetective.plugins.match.catalog.CatalogNumberMatcher;
import io.vinyldetective.plugins.match.fuzzy.FuzzyMatcher;
import io.vinyldetective.plugins.match.testkit.DevSet;
import io.vinyldetective.plugins.match.testkit.DevSetEvaluator;
import io.vinyldetective.plugins.match.testkit.DiscogsDumpReader;
import io.vinyldetective.plugins.match.testkit.InMemoryCatalog;
import io.vinyldetective.plugins.match.testkit.Perturbation;
import io.vinyldetective.plugins.match.testkit.TestContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The quality bar on the labelled dev set: the three tiers in the default order
 * (catalog number, barcode, fuzzy), precision at least 0.99 and recall at least 0.90. Prints the
 * table per case family and every failure. Skipped when the shared data folder is absent.
 */
@Tag("devset")
class DevSetEvaluationTest {

    static final Path DATA = DevSet.sharedDir().resolve("data/matching-dev");

    @Test
    @DisplayName("dev set: catalog_no -> barcode -> fuzzy reaches P >= 0.99 and R >= 0.90")
    void meetsTheQualityBar() {
        assumeTrue(Files.isRegularFile(DATA.resolve("releases.xml.gz")), "no dev set at " + DATA);
        InMemoryCatalog catalog = InMemoryCatalog.of(DiscogsDumpReader.read(DATA.resolve("releases.xml.gz")));
        List<MatcherTier> tiers = List.of(
                TestContext.start(new CatalogNumberMatcher(), catalog),
                TestContext.start(new BarcodeMatcher(), catalog),
                TestContext.start(new FuzzyMatcher(), catalog));
        List<DevSet.Case> cases = DevSet.load(DATA);

        DevSetEvaluator.evaluate(tiers, cases); // warm-up, so the timing below is not the JIT's
        catalog.resetCalls();
        DevSetEvaluator.Report report = DevSetEvaluator.evaluate(tiers, cases, catalog::searchNanos);

        System.out.println("\n=== matcher tiers on the dev set (" + catalog.size() + " releases, " + cases.size()
                + " listings) ===\n" + report.table() + String.format(
                "catalog calls per listing: %.2f; time in the emulated full-text index: %.3f ms per listing%n",
                (double) catalog.calls() / cases.size(), catalog.searchNanos() / 1e6 / cases.size()));
        report.failures().forEach(f -> System.out.println(f));

        DevSetEvaluator.Report perturbed = DevSetEvaluator.evaluate(tiers, Perturbation.apply(cases, 20261125L));
        System.out.println("\n=== same listings with typos, filler cut at 80 characters, lower case ===\n"
                + perturbed.table());
        perturbed.failures().stream().filter(f -> f.result() != null || System.getenv("VD_ALL_FAILURES") != null).forEach(f -> System.out.println(f));

        assertTrue(report.overall().precision() >= 0.99, "precision " + report.overall().precision());
        assertTrue(report.overall().recall() >= 0.90, "recall " + report.overall().recall());
    }

    /**
     * The dev set against a catalog of about a million releases: the dev catalog plus copies whose
     * artists have other first names ("Kavo Davis" next to "Miles Davis"), so every title word has
     * many more candidates and near-namesakes. Slow to build (about a minute); runs when VD_PERF is set.
     */
    @Test
    @Tag("perf")
    @DisplayName("a million releases: quality holds, tiers stay fast")
    void aMillionReleases() {
        assumeTrue(System.getenv("VD_PERF") != null, "set VD_PERF=1 to run");
        assumeTrue(Files.isRegularFile(DATA.resolve("releases.xml.gz")), "no dev set at " + DATA);
        List<io.vinyldetective.api.Release> dev = DiscogsDumpReader.read(DATA.resolve("releases.xml.gz"));
        InMemoryCatalog catalog = InMemoryCatalog.of(dev);
        java.util.Random random = new java.util.Random(7);
        String[] syllables = {"ka", "vo", "ri", "ne", "mo", "ta", "lu", "si", "de", "ba", "zo", "pe"};
        for (int copy = 1; catalog.size() < 1_000_000; copy++) {
            for (io.vinyldetective.api.Release r : dev) {
                String first = syllables[random.nextInt(12)] + syllables[random.nextInt(12)] + syllables[random.nextInt(12)];
                List<String> artists = r.artists().stream().map(a -> {
                    int space = a.indexOf(' ');
                    return space < 0 ? first + " " + a : first + a.substring(space);
                }).toList();
                catalog.add(new io.vinyldetective.api.Release(r.id() + copy * 10_000_000L, r.title(), artists, r.labels(),
                        List.of(), r.format(), r.formatDescription(), r.country(), r.year(),
                        r.masterId() == null ? null : r.masterId() + copy * 10_000_000L));
            }
        }
        List<MatcherTier> tiers = List.of(
                TestContext.start(new CatalogNumberMatcher(), catalog),
                TestContext.start(new BarcodeMatcher(), catalog),
                TestContext.start(new FuzzyMatcher(), catalog));
        List<DevSet.Case> cases = DevSet.load(DATA);
        DevSetEvaluator.evaluate(tiers, cases);
        catalog.resetCalls();
        DevSetEvaluator.Report report = DevSetEvaluator.evaluate(tiers, cases, catalog::searchNanos);
        System.out.println("\n=== dev set against " + catalog.size() + " releases ===\n" + report.table()
                + String.format("catalog calls per listing: %.2f; time in the emulated full-text index: %.3f ms per listing%n",
                (double) catalog.calls() / cases.size(), catalog.searchNanos() / 1e6 / cases.size()));
        report.failures().stream().limit(40).forEach(f -> System.out.println(f));
        assertTrue(report.overall().precision() >= 0.99, "precision " + report.overall().precision());
    }
}
