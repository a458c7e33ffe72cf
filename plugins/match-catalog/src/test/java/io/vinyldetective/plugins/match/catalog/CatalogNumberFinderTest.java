package io.vinyldetective.plugins.match.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vinyldetective.api.Listing;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CatalogNumberFinderTest {

    private static List<String> keys(String title) {
        return new CatalogNumberFinder(4).find(Listing.forMatching("1", title, null, null, null, Map.of())).stream()
                .map(CatalogNumberFinder.Candidate::key).toList();
    }

    @Test
    void findsNumbersOfManyShapes() {
        assertTrue(keys("Cool Struttin BLP 1588 Blue Note").contains("BLP1588"));
        assertTrue(keys("Kind of Blue CDP 7 46095 2 CD").contains("CDP7460952"));
        assertTrue(keys("Sketches 88985 41212 1").contains("88985412121"));
        assertTrue(keys("Paranoid 6360 011 Vertigo swirl").contains("6360011"));
        assertTrue(keys("Atom Heart Mother SHVL 781").contains("SHVL781"));
        assertTrue(keys("LP MOVLP1234 sealed").contains("MOVLP1234"));
        assertTrue(keys("warplp123 (LP, 2004)").contains("WARPLP123"));
        assertTrue(keys("ECM 1065 ST Keith Jarrett").contains("ECM1065ST"));
        assertTrue(keys("Blue Train (Blue Note, BLP-1577)").contains("BLP1577"));
    }

    @Test
    void longerKeysComeFirst() {
        List<String> k = keys("Kind of Blue CDP 7 46095 2");
        assertEquals("CDP7460952", k.get(0));
    }

    @Test
    void skipsYearsSizesOrdinalsAndBarcodes() {
        List<String> k = keys("Abbey Road (LP, 1969) 180g 1st press 12\" 45rpm 0 12345 67890 5");
        assertFalse(k.contains("1969"));
        assertFalse(k.contains("180G"));
        assertFalse(k.contains("1ST"));
        assertFalse(k.contains("012345678905"));
        assertFalse(k.contains("LP1969")); // a bracket/comma ends a run
    }

    @Test
    void itemSpecificsComeFirst() {
        Listing l = Listing.forMatching("1", "Paranoid SHVL 781", null, null, null, Map.of("Catalog Number", "6360 011"));
        assertEquals("6360011", new CatalogNumberFinder(4).find(l).get(0).key());
    }

    @Test
    void wordsWithoutDigitsAreNeverCandidates() {
        assertEquals(List.of(), keys("The Beatles Abbey Road LP Apple Records"));
    }
}
