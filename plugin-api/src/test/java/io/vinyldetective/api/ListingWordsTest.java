package io.vinyldetective.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ListingWordsTest {

    @Test
    void titleWordsInOrderAndNamingItemSpecificsInTheSet() {
        Listing l = Listing.forMatching("1", "Motörhead - Ace of Spades LP VG+", null, MediaFormat.VINYL, null,
                Map.of("Record Label", "Bronze", "Artist", "Motörhead", "Speed", "33 RPM"));
        ListingWords w = ListingWords.of(l);
        assertEquals(List.of("motorhead", "ace", "of", "spades", "lp", "vg"), w.title());
        assertTrue(w.all().containsAll(Set.of("motorhead", "bronze", "spades")));
        assertTrue(!w.all().contains("rpm"), "only naming item specifics count");
    }

    @Test
    void contentWordsLeaveOutNoiseNumbersStopWordsAndExcludedWords() {
        Listing l = Listing.forMatching("1", "The Best Of Tangerine Dream LP 1978 MG V-8963 x", null, null, null, Map.of());
        ListingWords w = ListingWords.of(l);
        assertEquals(4, w.contentWords()); // best, tangerine, dream, mg
        assertEquals(3, w.contentWordsBesides(Set.of("mg")));
    }
}
