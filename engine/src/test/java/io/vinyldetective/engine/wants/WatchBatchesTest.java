package io.vinyldetective.engine.wants;

import static io.vinyldetective.engine.wants.Wantlists.wanted;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.ApplicationContext;
import io.vinyldetective.api.MediaFormat;
import io.vinyldetective.api.Release;
import io.vinyldetective.engine.catalog.CatalogStore;
import io.vinyldetective.engine.storage.StorageSettings;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Packing watches into shared queries: within the source's limit, by format, stable as wants come and go. */
class WatchBatchesTest {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    @TempDir
    Path dir;
    private ApplicationContext context;
    private WantStore store;
    private WatchBatches batches;

    @BeforeEach
    void start() {
        context = ApplicationContext.run(Map.of(StorageSettings.DATA_DIR, dir.toString()));
        store = context.getBean(WantStore.class);
        batches = context.getBean(WatchBatches.class);
    }

    @AfterEach
    void stop() {
        context.close();
    }

    /** A chat's wantlist, its releases read in full (no masters), so every want is ready to be searched. */
    private void wantlist(String chat, List<Release> wants) {
        if (store.wantlist(chat).isEmpty()) {
            store.link(chat, "user" + chat, false, NOW);
        }
        CatalogStore catalog = context.getBean(CatalogStore.class);
        wants.forEach(r -> catalog.upsert(r, "api"));
        store.applySync(chat, wants, NOW, NOW.plusSeconds(86_400));
    }

    private static List<Release> artists(int from, int to) {
        List<Release> wants = new ArrayList<>();
        for (int i = from; i < to; i++) {
            wants.add(wanted(1000 + i, "Artist Number " + i, "Title " + i, "CAT-" + i, MediaFormat.VINYL, null));
        }
        return wants;
    }

    @Test
    void wantsOfOneArtistShareATermAndTermsShareQueriesWithinTheLimit() {
        List<Release> wants = new ArrayList<>(artists(0, 20));
        wants.add(wanted(1, "Artist Number 0", "Another Album", "CAT-X", MediaFormat.VINYL, null));
        wantlist("111", wants);
        wantlist("222", List.of(wanted(1000, "Artist Number 0", "Title 0", "CAT-0", MediaFormat.VINYL, null)));

        List<WatchBatch> planned = batches.plan(Wantlists::ebayAnyOf);

        assertEquals(22, planned.stream().mapToInt(b -> b.wants().size()).sum(), "every want of every chat");
        assertEquals(4, planned.size(), "20 artists of 17 characters, five to a query of at most 100");
        for (WatchBatch b : planned) {
            assertTrue(b.query().length() <= 100, b.query());
            assertTrue(b.query().startsWith("(artist number "), b.query());
            assertEquals(MediaFormat.VINYL, b.format());
        }
        WatchBatch first = planned.stream().filter(b -> b.query().contains("artist number 0,")).findFirst().orElseThrow();
        assertEquals(3, first.wants().stream().filter(w -> w.artist().equals("Artist Number 0")).count(),
                "two of one chat, one of another: one term");
    }

    @Test
    void aNewWantChangesOneQueryAndAGoneOneLeavesTheOthersAlone() {
        wantlist("111", artists(0, 10));
        Map<Long, String> before = queries(batches.plan(Wantlists::ebayAnyOf));
        batches.plan(Wantlists::ebayAnyOf).forEach(b -> batches.polled(b.id(), NOW));

        List<Release> more = new ArrayList<>(artists(0, 10));
        more.add(wanted(5000, "Zed", "Z", "Z-1", MediaFormat.VINYL, null));
        wantlist("111", more);
        Map<Long, String> after = queries(batches.plan(Wantlists::ebayAnyOf));

        assertEquals(before.keySet(), after.keySet(), "a short new term fits an existing batch");
        long changed = before.keySet().stream().filter(id -> !before.get(id).equals(after.get(id))).count();
        assertEquals(1, changed, before + " -> " + after);
        long grown = after.keySet().stream().filter(id -> !before.get(id).equals(after.get(id))).findFirst().orElseThrow();
        assertTrue(batches.lastPolled(grown).isEmpty(), "the grown batch is due at once");

        wantlist("111", artists(0, 5));
        Map<Long, String> fewer = queries(batches.plan(Wantlists::ebayAnyOf));
        assertEquals(1, fewer.size(), "the emptied batch is gone");
        assertEquals(before.get(fewer.keySet().iterator().next()), fewer.values().iterator().next(),
                "the remaining batch kept its query");
    }

    @Test
    void batchesThatShrankIntoOneQueryAreMergedAndTheOthersKeepTheirs() {
        List<Release> all = artists(0, 20);
        wantlist("111", all);
        List<WatchBatch> planned = batches.plan(Wantlists::ebayAnyOf);
        planned.forEach(b -> batches.polled(b.id(), NOW));
        assertEquals(4, planned.size());
        // Two of the four batches keep two of their five artists each: four artists fit one query.
        List<Long> keep = new ArrayList<>();
        for (WatchBatch b : planned.subList(0, 2)) {
            b.wants().subList(0, 2).forEach(w -> keep.add(w.releaseId()));
        }
        for (WatchBatch b : planned.subList(2, 4)) {
            b.wants().forEach(w -> keep.add(w.releaseId()));
        }
        wantlist("111", all.stream().filter(r -> keep.contains(r.id())).toList());

        List<WatchBatch> after = batches.plan(Wantlists::ebayAnyOf);

        assertEquals(3, after.size(), "the two shrunk batches became one: " + queries(after));
        assertEquals(14, after.stream().mapToInt(b -> b.wants().size()).sum());
        Map<Long, String> now = queries(after);
        Map<Long, String> was = queries(planned);
        for (WatchBatch b : planned.subList(2, 4)) {
            assertEquals(was.get(b.id()), now.get(b.id()), "an untouched batch keeps its query");
            assertTrue(batches.lastPolled(b.id()).isPresent());
        }
        long merged = after.stream().filter(b -> b.wants().size() == 4).findFirst().orElseThrow().id();
        assertTrue(batches.lastPolled(merged).isEmpty(), "the merged query is due at once");
    }

    @Test
    void formatsAreSearchedApartAndCompilationsByCatalogNumberOrTitle() {
        wantlist("111", List.of(
                wanted(1, "Miles Davis", "Kind Of Blue", "CL 1355", MediaFormat.VINYL, null),
                wanted(2, "Miles Davis", "Kind Of Blue", "CK 40579", MediaFormat.CD, null),
                wanted(3, "Various", "Blue Note Sampler", "BN-SAMP 1", MediaFormat.VINYL, null),
                wanted(4, "Various Artists", "Jazz Dance", null, null, null),
                wanted(5, "The Beatles", "Abbey Road", "PCS 7088", MediaFormat.VINYL, null)));

        Map<String, String> byFormat = batches.plan(Wantlists::ebayAnyOf).stream().collect(Collectors.toMap(
                b -> String.valueOf(b.format()), WatchBatch::query));

        assertEquals("(beatles, bn-samp 1, miles davis)", byFormat.get("VINYL"), "spelt as on Discogs, in lower case");
        assertEquals("miles davis", byFormat.get("CD"));
        assertEquals("jazz dance", byFormat.get("null"), "no format: every music category, searched by its title");
    }

    @Test
    void aWantIsSearchedOnlyOnceItsReleaseAndItsMastersPressingsAreKnown() {
        store.link("111", "user111", false, NOW);
        store.applySync("111", List.of(wanted(1, "Sun Ra", "Lanquidity", "PL 1001", MediaFormat.VINYL, 77L)), NOW, NOW);
        assertEquals(List.of(), batches.plan(Wantlists::ebayAnyOf), "only what the wantlist shows: not yet");

        context.getBean(CatalogStore.class).upsert(wanted(1, "Sun Ra", "Lanquidity", "PL 1001", MediaFormat.VINYL, 77L), "api");
        assertEquals(List.of(), batches.plan(Wantlists::ebayAnyOf), "read in full, but its master's pressings not yet");

        store.versionsChecked(77L, NOW);
        assertEquals(List.of("sun ra"), batches.plan(Wantlists::ebayAnyOf).stream().map(WatchBatch::query).toList());
    }

    @Test
    void theFirstArtistIsSearchedAsDiscogsSpellsIt() {
        wantlist("111", List.of(
                new Release(1, "Sessions", List.of("Håkan Lidbo (2)", "Lester Bowie"), List.of(), List.of(), MediaFormat.VINYL,
                        null, null, null, null),
                new Release(2, "Rhythms", List.of("F.U.S.E."), List.of(), List.of(), MediaFormat.VINYL, null, null, null, null)));

        assertEquals(List.of("(f.u.s.e., håkan lidbo)"), batches.plan(Wantlists::ebayAnyOf).stream().map(WatchBatch::query)
                .toList());
    }

    @Test
    void pausedWantsAreNotSearched() {
        wantlist("111", artists(0, 2));
        Want one = store.wants("111").get(0);
        store.update(one.withSettings(false, null, null, null, false));

        List<WatchBatch> planned = batches.plan(Wantlists::ebayAnyOf);

        assertEquals(1, planned.size());
        assertEquals("artist number 1", planned.get(0).query());
        assertNotEquals(one.id(), planned.get(0).wants().get(0).id());
    }

    private static Map<Long, String> queries(List<WatchBatch> planned) {
        return planned.stream().collect(Collectors.toMap(WatchBatch::id, WatchBatch::query));
    }
}
