package io.vinyldetective.plugins.match.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.vinyldetective.api.Release;
import io.vinyldetective.engine.catalog.CatalogStore;
import io.vinyldetective.engine.matching.ReleaseMatcher;
import io.vinyldetective.engine.storage.EngineDatabase;
import io.vinyldetective.plugins.match.testkit.DevSet;
import io.vinyldetective.plugins.match.testkit.DevSetEvaluator;
import io.vinyldetective.plugins.match.testkit.HeldOutListings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Matching on real Discogs names the dev set was not written from: the 1,000 releases of the dump
 * sample imported by the engine, one in ten of the polled formats left out of the catalog again, and
 * listings written from all of them by {@link HeldOutListings} (typos, names written in Latin letters,
 * classical credits, other formats named in the title). The tier chain from the built jars must reach
 * recall 0.95 with no wrong match. Two seeds: one the tiers were tuned on, one that nobody looked at
 * while tuning ({@code -Dvd.heldout.seeds=1,2,3} runs others). Skipped when the shared data is absent.
 */
@Tag("devset")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HeldOutEvalTest {

    static final Path DUMP = DevSet.sharedDir().resolve("data/discogs-dump-sample/releases-1000.xml.gz");
    /** The seed the tiers were tuned on. */
    static final long TUNING_SEED = 20261207L;
    /** Looked at only to report. */
    static final long HELD_OUT_SEED = 777_1207L;

    @TempDir
    static Path dir;
    private DevSetEngine engine;
    private ReleaseMatcher matcher;
    private List<Release> all;
    private Set<Long> heldOut;
    private final Set<Long> classical = new java.util.HashSet<>();

    @BeforeAll
    void importAndHoldOut() throws Exception {
        assumeTrue(Files.isRegularFile(DUMP), "no dump sample at " + DUMP);
        engine = DevSetEngine.start(dir, DUMP);
        CatalogStore catalog = engine.context().getBean(CatalogStore.class);
        all = new ArrayList<>();
        EngineDatabase db = engine.context().getBean(EngineDatabase.class);
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT id FROM discogs_releases ORDER BY id")) {
            while (rs.next()) {
                all.add(catalog.release(rs.getLong(1)).orElseThrow());
            }
        }
        assertEquals(1000, all.size());
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT id FROM discogs_releases WHERE genres LIKE '%Classical%'")) {
            while (rs.next()) {
                classical.add(rs.getLong(1));
            }
        }
        heldOut = HeldOutListings.holdOut(all, 10, TUNING_SEED);
        // Their catalog numbers and barcodes go with them (ON DELETE CASCADE), the index entries by trigger.
        try (Connection c = db.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("DELETE FROM discogs_releases WHERE id = ?")) {
            for (long id : heldOut) {
                ps.setLong(1, id);
                ps.executeUpdate();
            }
        }
        assertEquals(1000 - heldOut.size(), catalog.size());
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT (SELECT COUNT(*) FROM release_catalog_numbers WHERE release_id NOT IN "
                     + "(SELECT id FROM discogs_releases)) + (SELECT COUNT(*) FROM release_barcodes WHERE release_id NOT IN "
                     + "(SELECT id FROM discogs_releases))")) {
            rs.next();
            assertEquals(0, rs.getInt(1), "catalog numbers or barcodes of held-out releases left behind");
        }
        matcher = new ReleaseMatcher(engine.pipeline().matchers());
    }

    /** The two seeds, or those of {@code -Dvd.heldout.seeds=1,2,3} to try more. */
    private static List<Long> seeds() {
        String more = System.getProperty("vd.heldout.seeds", "");
        return more.isBlank() ? List.of(TUNING_SEED, HELD_OUT_SEED)
                : java.util.Arrays.stream(more.split(",")).map(String::strip).map(Long::valueOf).toList();
    }

    @AfterAll
    void close() {
        if (engine != null) {
            engine.close();
        }
    }

    @Test
    @DisplayName("listings written from the dump sample: recall >= 0.95 with no wrong match, on both seeds")
    void generalisesToUnseenListings() {
        for (long seed : seeds()) {
            List<DevSet.Case> cases = HeldOutListings.generate(all, heldOut, classical, seed);
            DevSetEvaluator.Report report = DevSetEvaluator.evaluate(l -> matcher.match(l).match(), cases, () -> 0L);
            System.out.println("\n=== listings written from the dump sample, seed " + seed + " (" + cases.size()
                    + " listings, " + heldOut.size() + " releases held out of the catalog) ===\n" + report.table());
            report.failures().forEach(System.out::println);
            assertEquals(0, report.overall().wrong(), "wrong matches with seed " + seed);
            assertTrue(report.overall().recall() >= 0.95, "recall " + report.overall().recall() + " with seed " + seed);
        }
    }
}
