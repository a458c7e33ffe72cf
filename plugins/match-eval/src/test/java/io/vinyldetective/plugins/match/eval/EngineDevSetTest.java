package io.vinyldetective.plugins.match.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.micronaut.configuration.picocli.MicronautFactory;
import io.micronaut.context.ApplicationContext;
import io.vinyldetective.api.MatchResult;
import io.vinyldetective.engine.catalog.CatalogStore;
import io.vinyldetective.engine.catalog.dump.ImportSummary;
import io.vinyldetective.engine.cli.MatchCommand;
import io.vinyldetective.engine.matching.ReleaseMatcher;
import io.vinyldetective.engine.pipeline.Pipeline;
import io.vinyldetective.engine.plugins.InstalledPlugin;
import io.vinyldetective.engine.plugins.PluginHost;
import io.vinyldetective.plugins.match.testkit.DevSet;
import io.vinyldetective.plugins.match.testkit.DevSetEvaluator;
import io.vinyldetective.plugins.match.testkit.Perturbation;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The quality bar through the engine: the dev catalog imported by the engine's dump importer
 * into SQLite, the default tier chain ({@code pipeline.matchers}: catalog number, barcode, fuzzy)
 * loaded from the built plugin jars by the plugin host and assembled by the pipeline assembler, run
 * by the engine's {@link ReleaseMatcher} and by the {@code match} command. Precision and recall at
 * least 0.99; the table per case family is printed. Skipped when the shared data is absent.
 */
@Tag("devset")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EngineDevSetTest {

    static final Path DATA = DevSet.sharedDir().resolve("data/matching-dev");

    @TempDir
    static Path dir;
    private DevSetEngine engine;
    private ApplicationContext context;
    private Pipeline pipeline;
    private ReleaseMatcher matcher;
    private List<DevSet.Case> cases;

    @BeforeAll
    void importAndAssemble() throws Exception {
        assumeTrue(Files.isRegularFile(DATA.resolve("releases.xml.gz")), "no dev set at " + DATA);
        engine = DevSetEngine.start(dir, DATA.resolve("releases.xml.gz"));
        ImportSummary imported = engine.imported();
        assertTrue(imported.complete() && imported.imported() > 10_000, imported.toString());
        context = engine.context();
        pipeline = engine.pipeline();
        matcher = new ReleaseMatcher(pipeline.matchers());
        cases = DevSet.load(DATA);
    }

    @AfterAll
    void close() {
        if (engine != null) {
            engine.close();
        }
    }

    @Test
    @DisplayName("the tiers come from their plugin jars, in the configured order")
    void theTiersAreLoadedFromTheirJars() {
        PluginHost host = context.getBean(PluginHost.class);
        assertEquals(List.of(), host.problems());
        for (String id : BuiltPlugins.TIERS) {
            InstalledPlugin p = host.installed().stream().filter(i -> i.id().equals(id)).findFirst().orElseThrow();
            assertTrue(p.file().startsWith(dir.resolve("plugins")) && p.file().toString().endsWith(".jar"), p.toString());
            assertEquals(List.of("MatcherTier"), p.extensionPoints());
            assertTrue(host.classLoaderOf(id) instanceof org.pf4j.PluginClassLoader, id);
        }
        assertEquals(BuiltPlugins.TIERS, matcher.tiers().stream().map(s -> s.pluginId()).toList());
        assertEquals(List.of("catalog_no", "barcode", "fuzzy"), matcher.tiers().stream().map(s -> s.extension().method()).toList());
        // Not on this test's class path: only the plugin class loaders can see the tier classes.
        assertThrows(ClassNotFoundException.class, () -> Class.forName("io.vinyldetective.plugins.match.catalog.CatalogNumberMatcher"));
    }

    @Test
    @DisplayName("dev set through the engine: catalog_no -> barcode -> fuzzy reaches P >= 0.99 and R >= 0.99")
    void meetsTheQualityBar() {
        DevSetEvaluator.evaluate(l -> matcher.match(l).match(), cases, () -> 0L); // warm-up
        DevSetEvaluator.Report report = DevSetEvaluator.evaluate(l -> matcher.match(l).match(), cases, () -> 0L);
        long releases = context.getBean(CatalogStore.class).size();
        System.out.println("\n=== dev set through the engine (SQLite catalog of " + releases + " releases, tiers from "
                + "their jars, " + cases.size() + " listings) ===\n" + report.table());
        report.failures().forEach(System.out::println);

        DevSetEvaluator.Report perturbed = DevSetEvaluator.evaluate(l -> matcher.match(l).match(),
                Perturbation.apply(cases, 20261125L), () -> 0L);
        System.out.println("\n=== same listings with typos, filler cut at 80 characters, lower case ===\n" + perturbed.table());
        perturbed.failures().stream().filter(f -> f.result() != null).forEach(System.out::println);

        assertTrue(report.overall().precision() >= 0.99, "precision " + report.overall().precision());
        assertTrue(report.overall().recall() >= 0.99, "recall " + report.overall().recall());
        assertTrue(perturbed.overall().precision() >= 0.99, "precision with typos " + perturbed.overall().precision());
    }

    @Test
    @DisplayName("the match command prints the engine's result for every listing, in input order")
    void theMatchCommandAgrees() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream stdout = System.out;
        PrintStream stderr = System.err;
        int code;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            code = new CommandLine(MatchCommand.class, new MicronautFactory(context))
                    .execute(DATA.resolve("listings.jsonl").toString());
        } finally {
            System.setOut(stdout);
            System.setErr(stderr);
        }
        assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals(cases.size(), lines.size());
        Pattern fields = Pattern.compile("^\\{\"id\":\"([^\"]*)\",\"release_id\":(\\d+|null),\"method\":(\"[a-z_]+\"|null),"
                + "\"score\":[0-9.]+,\"candidates\":\\[([0-9,]*)\\],\"reasons\":\\[.*\\]}$");
        Map<String, String> expected = new LinkedHashMap<>();
        for (DevSet.Case c : cases) {
            expected.put(c.listing().id(), matcher.match(c.listing()).match().map(MatchResult::releaseIds)
                    .map(ids -> ids.stream().map(String::valueOf).reduce((a, b) -> a + "," + b).orElse("")).orElse(""));
        }
        List<String> ids = List.copyOf(expected.keySet());
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = fields.matcher(lines.get(i));
            assertTrue(m.matches(), lines.get(i));
            assertEquals(ids.get(i), m.group(1), "input order");
            assertEquals(expected.get(m.group(1)), m.group(4), lines.get(i));
            assertEquals(m.group(2).equals("null"), m.group(3).equals("null"), lines.get(i));
        }
    }
}
