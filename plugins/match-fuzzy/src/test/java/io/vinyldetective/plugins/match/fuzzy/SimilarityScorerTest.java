package io.vinyldetective.plugins.match.fuzzy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SimilarityScorerTest {

    @Test
    void wordSimilarity() {
        assertEquals(1.0, SimilarityScorer.similarity("mobley", "mobley", false));
        assertTrue(SimilarityScorer.similarity("mobley", "mboley", false) > 0.8, "transposition is one edit");
        assertTrue(SimilarityScorer.similarity("motorhead", "motorhed", false) > 0.8);
        assertEquals(0.0, SimilarityScorer.similarity("gold", "cold", false), "short words must be exact");
        assertEquals(0.0, SimilarityScorer.similarity("vol2", "vol3", false), "numbers must be exact");
        assertEquals(0.9, SimilarityScorer.similarity("orchard", "orch", true), "a cut-off last word");
        assertEquals(0.0, SimilarityScorer.similarity("orchard", "orch", false));
    }

    @Test
    void misspeltNoise() {
        assertTrue(SimilarityScorer.isMisspeltNoise("eurpoe"));
        assertTrue(SimilarityScorer.isMisspeltNoise("gatfold"));
        assertTrue(!SimilarityScorer.isMisspeltNoise("quartet"));
    }
}
