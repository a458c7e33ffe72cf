package io.vinyldetective.engine.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.ApplicationContext;
import io.vinyldetective.api.MediaFormat;
import io.vinyldetective.api.Release;
import io.vinyldetective.engine.storage.StorageSettings;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ranking when the required words are common: hundreds of releases share a title, as on a large
 * catalog, and the one the search means must still come first without SQLite ranking them all.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CatalogSearchRankingTest {

    static final int NAMESAKES = 400;

    @TempDir
    static Path dir;
    private ApplicationContext context;
    private CatalogStore catalog;

    @BeforeAll
    void fill() {
        context = ApplicationContext.run(Map.of(StorageSettings.DATA_DIR, dir.toString()));
        catalog = context.getBean(CatalogStore.class);
        // Four hundred bands with one common word and a title in common, beside the two the searches mean.
        String[] first = {"Zonelu", "Depeba", "Kavori", "Lurilu", "Sitaba", "Motape", "Rineka", "Baluzo"};
        for (int i = 0; i < NAMESAKES; i++) {
            String band = first[i % first.length] + " " + Integer.toString(i, 26).replaceAll("[0-9]", "x") + "q Cathedrals";
            catalog.upsert(release(1000 + i, band, "Songs Of The Quokka Season"), "api");
        }
        // Among the first releases the index lists, behind namesakes with a word more.
        for (int i = 0; i < 30; i++) {
            catalog.upsert(release(100 + i, first[i % first.length] + " Heavy Cathedrals", "Songs Of The Quokka Season"), "api");
        }
        catalog.upsert(release(130, "The Heavy Cathedrals", "Songs Of The Quokka Season"), "api");
        // Listed last by the index: only its rare words can find it.
        catalog.upsert(release(99_999, "Milo Novak", "Songs Of The Quokka Season"), "api");
        // Listed late too, and with common words only: its name holds nothing but the words searched for.
        catalog.upsert(release(99_998, "The Cathedrals", "Songs Of The Quokka Season"), "api");
    }

    @AfterAll
    void stop() {
        context.close();
    }

    @Test
    void aRareOptionalWordFindsItsReleaseAmongHundredsHoldingTheRequiredOnes() {
        List<Release> found = catalog.search(List.of("quokka", "season"), List.of("milo", "novak", "songs"), 10);
        assertEquals(99_999L, found.get(0).id(), found.toString());
    }

    @Test
    void withOnlyCommonWordsTheNameWithoutWordsNobodyAskedForComesFirst() {
        // "heavy" and "cathedrals" are held by hundreds; only release 130 has nothing else in its name.
        List<Release> found = catalog.search(List.of("quokka", "season"), List.of("heavy", "cathedrals", "songs"), 10);
        assertTrue(found.size() <= 10);
        assertEquals(130L, found.get(0).id(), found.toString());
    }

    @Test
    void withOnlyCommonWordsAReleaseNamedByThemIsFoundWhereverTheIndexListsIt() {
        // All four words are in hundreds of releases; the index lists 99_998 after all of them.
        List<Release> found = catalog.search(List.of("quokka", "season"), List.of("cathedrals", "songs", "japan"), 10);
        assertEquals(99_998L, found.get(0).id(), found.toString());
        // Words no release is named by leave the search as it was: the first it lists, ranked.
        List<Release> unnamed = catalog.search(List.of("quokka", "season"), List.of("cathedrals", "zebra"), 10);
        assertEquals(10, unnamed.size());
        assertTrue(unnamed.stream().allMatch(r -> r.artistLine().endsWith("Cathedrals")), unnamed.toString());
    }

    private static Release release(long id, String artist, String title) {
        return new Release(id, title, List.of(artist), List.of(new Release.LabelCatalogNumber("Label", "CAT " + id)),
                List.of(), MediaFormat.VINYL, "Vinyl, LP", "UK", 1990, null);
    }
}
