package io.vinyldetective.engine.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vinyldetective.api.Listing;
import io.vinyldetective.api.MatchResult;
import io.vinyldetective.api.MatcherTier;
import io.vinyldetective.api.PluginContext;
import io.vinyldetective.api.PluginException;
import io.vinyldetective.engine.pipeline.PluginGuard;
import io.vinyldetective.engine.pipeline.Stage;
import java.io.StringWriter;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The tier chain: first confident result wins; failures stay with the listing. */
class ReleaseMatcherTest {

    private final List<String> asked = new ArrayList<>();

    @Test
    void theFirstConfidentResultWinsAndLaterTiersAreNotAsked() {
        ReleaseMatcher m = new ReleaseMatcher(List.of(
                tier("a", l -> Optional.of(new MatchResult(List.of(9L), "a", 0.5, List.of("weak")))),
                tier("b", l -> Optional.of(new MatchResult(List.of(1L, 2L), "b", 0.95, List.of("strong")))),
                tier("c", l -> Optional.of(new MatchResult(List.of(3L), "c", 1.0, List.of())))));
        MatchOutcome o = m.match(listing("x"));
        assertEquals(List.of(1L, 2L), o.result().releaseIds());
        assertEquals("b", o.result().method());
        assertEquals(List.of("a", "b"), asked);
        assertEquals(0.5, o.bestTentative().orElseThrow().confidence());
    }

    @Test
    void aReleaseReportedAsAWrongMatchIsLeftOutAndTheNextTierDecides() {
        ReleaseMatcher m = new ReleaseMatcher(List.of(
                tier("a", l -> Optional.of(new MatchResult(List.of(7L), "a", 0.99, List.of("catalog number")))),
                tier("b", l -> Optional.of(new MatchResult(List.of(7L, 8L), "b", 0.95, List.of("two pressings"))))),
                (listingId, releaseId) -> listingId.equals("x") && releaseId == 7L);

        MatchOutcome o = m.match(listing("x"));

        assertEquals(List.of(8L), o.result().releaseIds());
        assertEquals("b", o.result().method());
        assertTrue(o.result().reasons().contains("release 7 left out: reported as a wrong match"), o.result().reasons()::toString);
        assertEquals(List.of(7L), m.match(listing("y")).result().releaseIds(), "only for the listing it was reported on");
    }

    @Test
    void noConfidentTierMeansNoMatch() {
        ReleaseMatcher m = new ReleaseMatcher(List.of(tier("a", l -> Optional.empty()),
                tier("b", l -> Optional.of(new MatchResult(List.of(4L), "b", 0.89, List.of("close"))))));
        MatchOutcome o = m.match(listing("x"));
        assertFalse(o.matched());
        assertNull(o.refusal());
        assertEquals(List.of("a", "b"), asked);
    }

    @Test
    void aBrokenOrPausedTierIsSkippedAndTheNextOneAsked() {
        ReleaseMatcher m = new ReleaseMatcher(List.of(
                guarded("broken", l -> {
                    throw new IllegalStateException("bug");
                }),
                tier("later", l -> {
                    throw new PluginException.RetryLater("paused", null);
                }),
                tier("good", l -> Optional.of(new MatchResult(List.of(5L), "good", 0.9, List.of())))));
        MatchOutcome o = m.match(listing("x"));
        assertEquals(5L, o.result().releaseId());
        assertEquals(2, o.problems().size(), o.problems().toString());
        assertTrue(o.problems().get(0).startsWith("broken failed: IllegalStateException: bug"), o.problems().toString());
    }

    @Test
    void aTierRefusingTheListingEndsItsChainAndTheOutputSaysWhy() throws Exception {
        ReleaseMatcher m = new ReleaseMatcher(List.of(tier("a", l -> {
            throw new PluginException.BadItem("title is empty");
        }), tier("b", l -> Optional.of(new MatchResult(List.of(5L), "b", 1, List.of())))));
        MatchOutcome o = m.match(listing("x"));
        assertFalse(o.matched());
        assertEquals("a: title is empty", o.refusal());
        assertEquals(List.of("a"), asked);
        StringWriter w = new StringWriter();
        new MatchJson(w).write(o);
        assertEquals("{\"id\":\"x\",\"error\":\"a: title is empty\"}\n", w.toString());
    }

    @Test
    void outputFieldsComeInAStableOrder() throws Exception {
        StringWriter w = new StringWriter();
        MatchJson json = new MatchJson(w);
        json.write(new ReleaseMatcher(List.of(tier("a", l -> Optional.of(
                new MatchResult(List.of(7L, 8L), "catalog_no", 0.97, List.of("catalog number BLP 1577")))))).match(listing("l1")));
        json.write(new ReleaseMatcher(List.of(tier("a", l -> Optional.of(
                new MatchResult(List.of(7L), "fuzzy", 0.8123, List.of("similar")))))).match(listing("l2")));
        json.writeError(null, "no id");
        assertEquals("""
                {"id":"l1","release_id":7,"method":"catalog_no","score":0.97,"candidates":[7,8],"reasons":["catalog number BLP 1577"]}
                {"id":"l2","release_id":null,"method":null,"score":0.812,"candidates":[],"reasons":["fuzzy 0.812 below 0.9: similar"]}
                {"id":null,"error":"no id"}
                """, w.toString());
    }

    private static Listing listing(String id) {
        return Listing.forMatching(id, "title", null, null, null, Map.of());
    }

    private Stage<MatcherTier> tier(String id, Function<Listing, Optional<MatchResult>> f) {
        return new Stage<>(id, new MatcherTier() {
            @Override
            public String method() {
                return id;
            }

            @Override
            public Optional<MatchResult> match(Listing listing) {
                asked.add(id);
                return f.apply(listing);
            }

            @Override
            public void start(PluginContext context) {
            }
        });
    }

    private Stage<MatcherTier> guarded(String id, Function<Listing, Optional<MatchResult>> f) {
        MatcherTier plain = tier(id, f).extension();
        return new Stage<>(id, PluginGuard.wrap(MatcherTier.class, id, plain, null, Clock.systemUTC()));
    }
}
