package io.vinyldetective.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TextKeysTest {

    @Test
    void foldsCaseAndDiacritics() {
        assertEquals("motorhead", TextKeys.fold("Motörhead"));
        assertEquals("lou ostergaard", TextKeys.fold("Lou Østergaard"));
        assertEquals("sigur ros", TextKeys.fold("Sigur Rós"));
        assertEquals("strasse", TextKeys.fold("Straße"));
    }

    @Test
    void searchWordsLeaveOutStopWordsNoiseDigitsAndSingleLetters() {
        assertEquals(List.of("slayer", "echo", "signal"), TextKeys.words("The Slayer - Echo & Signal LP 1984 (2) x 180g").stream()
                .filter(TextKeys::isSearchWord).toList());
    }

    @Test
    void wordsReadAmpersandAsAndAndDropPunctuation() {
        assertEquals(List.of("simon", "and", "garfunkel"), TextKeys.words("Simon & Garfunkel"));
        assertEquals(List.of("dont", "stop"), TextKeys.words("Don't Stop!"));
        assertEquals(List.of("notorious", "big"), TextKeys.words("Notorious B.I.G."));
        assertEquals(List.of("nm", "vg"), TextKeys.words("NM/VG+"));
        assertEquals(List.of(), TextKeys.words(null));
    }

    @Test
    void namesLoseDisambiguationAndLeadingThe() {
        assertEquals("Hugo White", TextKeys.withoutDisambiguation("Hugo White (2)"));
        assertEquals("Live (At The BBC)", TextKeys.withoutDisambiguation("Live (At The BBC)"));
        assertEquals(List.of("beatles"), TextKeys.nameWords("The Beatles"));
        assertEquals(List.of("the"), TextKeys.nameWords("The"));
        assertEquals("jack parker", TextKeys.nameKey("Jack Parker (7)"));
    }

    @Test
    void formatNamedByListingWords() {
        assertEquals(MediaFormat.VINYL, TextKeys.formatNamed(TextKeys.words("Abbey Road LP 180g")));
        assertEquals(MediaFormat.CD, TextKeys.formatNamed(TextKeys.words("Abbey Road CD")));
        assertNull(TextKeys.formatNamed(TextKeys.words("Abbey Road CD and LP")));
        assertNull(TextKeys.formatNamed(TextKeys.words("Abbey Road")));
        // A format named beside the real one does not count.
        assertEquals(MediaFormat.CD, TextKeys.formatNamed(TextKeys.words("Abbey Road CD Japan Mini LP Sleeve")));
        assertEquals(MediaFormat.CD, TextKeys.formatNamed(TextKeys.words("Abbey Road CD LP Replica")));
        assertEquals(MediaFormat.VINYL, TextKeys.formatNamed(TextKeys.words("Abbey Road LP + Bonus CD")));
        assertEquals(MediaFormat.VINYL, TextKeys.formatNamed(TextKeys.words("Abbey Road Vinyl (not CD)")));
        assertEquals(MediaFormat.CASSETTE, TextKeys.formatNamed(TextKeys.words("Abbey Road Tape (LP tracks)")));
    }

    @Test
    void cyrillicAndGreekAreWrittenInLatinLetters() {
        assertEquals(List.of("laskovyy", "may"), TextKeys.words("Ласковый Май"));
        assertEquals(List.of("skripichnye", "kontserty"), TextKeys.words("Скрипичные Концерты"));
        assertEquals(List.of("rok", "atele"), TextKeys.words("Рок-Ателье"));
        assertEquals(List.of("shchedrin"), TextKeys.words("Щедрин"));
        assertEquals(List.of("tonis", "maroudas"), TextKeys.words("Τώνης Μαρούδας"));
        assertEquals(List.of("vokzal", "1994"), TextKeys.words("Вокзал 1994"));
        assertTrue(TextKeys.hasOtherScript("Ария"));
        assertFalse(TextKeys.hasOtherScript("Motörhead 1979"));
    }

    @Test
    void spellingKeysJoinTheWaysSellersWriteOtherScripts() {
        // Ласковый Май: passport style, scholarly style, and as folded.
        assertEquals(TextKeys.spellingKey("laskovyy"), TextKeys.spellingKey("laskovij"));
        assertEquals(TextKeys.spellingKey("may"), TextKeys.spellingKey("maj"));
        assertEquals(TextKeys.spellingKey("kontserty"), TextKeys.spellingKey("koncerty"));
        assertEquals(TextKeys.spellingKey("ariya"), TextKeys.spellingKey("arija"));
        assertEquals(TextKeys.spellingKey("khorosho"), TextKeys.spellingKey("horosho"));
        assertEquals("laskovi", TextKeys.spellingKey("laskovyy"));
        assertFalse(TextKeys.spellingKey("mai").equals(TextKeys.spellingKey("moi")));
    }

    @Test
    void coverageWeighsByLengthAndStopWordsLittle() {
        Set<String> words = Set.of("miles", "davis", "kind", "blue");
        assertEquals(1.0, TextKeys.coverage(List.of("kind", "of", "blue"), words), 0.2);
        assertTrue(TextKeys.coverage(List.of("kind", "of", "blue"), words) > 0.85);
        assertEquals(0.0, TextKeys.coverage(List.of("queen"), words));
        assertEquals(0.0, TextKeys.coverage(List.of(), words));
    }

    @Test
    void yearsAndNoise() {
        assertTrue(TextKeys.isYear("1969"));
        assertFalse(TextKeys.isYear("1800"));
        assertFalse(TextKeys.isYear("69"));
        assertTrue(TextKeys.isListingNoise("vg"));
        assertTrue(TextKeys.isListingNoise("gatefold"));
        assertFalse(TextKeys.isListingNoise("quartet"));
    }
}
