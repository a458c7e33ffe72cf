package io.vinyldetective.plugins.match.fuzzy;

import static io.vinyldetective.api.MediaFormat.CD;
import static io.vinyldetective.api.MediaFormat.VINYL;
import static io.vinyldetective.plugins.match.testkit.TestReleases.listing;
import static io.vinyldetective.plugins.match.testkit.TestReleases.release;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vinyldetective.api.PluginException;
import io.vinyldetective.plugins.match.testkit.InMemoryCatalog;
import io.vinyldetective.plugins.match.testkit.GoldenCase;
import io.vinyldetective.plugins.match.testkit.TestContext;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Hand-written golden cases for the fuzzy tier, one family each. */
class FuzzyMatcherGoldenTest {

    static final InMemoryCatalog CATALOG = InMemoryCatalog.of(
            release(1, "Motörhead", "Ace Of Spades", VINYL).label("Bronze", "BRON 531").country("UK").year(1980).master(10).build(),
            release(2, "Motörhead", "Ace Of Spades", CD).label("Castle", "CLACD 240").country("UK").year(1990).master(10).build(),
            release(3, "ABBA", "Greatest Hits", VINYL).label("Epic", "EPC 69218").master(20).build(),
            release(4, "Queen", "Greatest Hits", VINYL).label("EMI", "EMTV 30").master(21).build(),
            release(5, "Simon & Garfunkel", "Bookends", VINYL).label("Columbia", "KCS 9529").master(30).build(),
            release(6, "The Beatles", "Abbey Road", VINYL).label("Apple Records", "PCS 7088").country("UK").year(1969).master(40).build(),
            release(7, "The Beatles", "Abbey Road", VINYL).label("Apple Records", "0602567971749").country("Europe").year(2019).master(40).build(),
            release(8, "Hugo White (2)", "Island", VINYL).label("Blue Note", "BN-LA696-G").master(50).build(),
            release(9, "Lou Østergaard", "Sacred Orchard", VINYL).label("Stones Throw", "STH 2001").master(60).build(),
            release(10, "Peter Gabriel", "Peter Gabriel", VINYL).label("Charisma", "CDS 4006").country("UK").year(1977).master(70).build(),
            release(11, "Peter Gabriel", "Peter Gabriel", VINYL).label("Charisma", "CDS 4013").country("UK").year(1978).master(71).build(),
            release(12, "Bill Evans", "The Best Of", VINYL).label("Verve Records", "V6-8747").master(80).build(),
            release(13, "Tangerine Dream", "The Best Of", VINYL).label("Virgin", "V 2100").master(81).build(),
            release(14, "AC/DC", "Back In Black", VINYL).label("Atlantic", "SD 16018").master(90).build(),
            release(15, "Led Zeppelin", "Led Zeppelin II", VINYL).label("Atlantic", "SD 8236").master(91).build(),
            release(16, "Led Zeppelin", "Led Zeppelin III", VINYL).label("Atlantic", "SD 7201").master(92).build(),
            release(17, "Ласковый Май", "Белые Розы", VINYL).label("Мелодия", "С60 28451 004").master(93).build(),
            release(18, "Antonio Vivaldi", "The Four Seasons", VINYL).label("Philips", "6500 017").year(1970).master(94).build(),
            release(19, "Peter Frampton", "Frampton Comes Alive!", CD).label("A&M Records", "CD 6703").country("US").year(1986).master(95).build(),
            release(20, "John Lennon", "Imagine", VINYL).label("Apple Records", "PAS 10004").master(96).build(),
            release(21, "Yoko Ono", "Imagine", VINYL).label("Apple Records", "SW 3380").master(97).build(),
            release(22, "!!!", "Myth Takes", VINYL).label("Warp Records", "WARPLP 150").master(98).build(),
            release(23, "Slayer", "Echo & Signal", VINYL).label("Def Jam Recordings", "DJ 4711").master(99).build(),
            release(24, "Kavori Slayer", "Echo & Signal", VINYL).label("Def Jam Recordings", "DJ 4712").master(100).build(),
            release(25, "Ray Fox", "Quiet Season", VINYL).label("Self-released", null).country("Europe").year(1962).master(101).build(),
            release(26, "Ray Fox", "Quiet Season", VINYL).label("Music On Vinyl", "MOVLP4580").country("Europe").year(2024).master(101).build(),
            release(27, "The Nonesuch Few", "None Shall Pass", VINYL).label("Self-released", null).year(1990).master(102).build(),
            release(28, "The Nonesuch Few", "None Shall Pass", VINYL).label("Rough Trade", "RT 100").year(1991).master(102).build());

    static Stream<GoldenCase> cases() {
        return Stream.of(
                new GoldenCase("diacritics", listing("MOTORHEAD Ace of Spades LP VG+", VINYL), List.of(1L)),
                new GoldenCase("diacritics", listing("Lou Ostergaard - Sacred Orchard LP", VINYL), List.of(9L)),
                new GoldenCase("ampersand", listing("Simon and Garfunkel Bookends LP gatefold", VINYL), List.of(5L)),
                new GoldenCase("leading The, noise", listing("Beatles Abbey Road LP 180g sealed NM", VINYL), List.of(6L, 7L)),
                new GoldenCase("pressing named", listing("The Beatles - Abbey Road LP 2019 reissue", VINYL), List.of(7L)),
                new GoldenCase("disambiguation suffix", listing("Hugo White Island LP", VINYL), List.of(8L)),
                new GoldenCase("typo", listing("Motorhaed Ace of Spades vinyl LP", VINYL), List.of(1L)),
                new GoldenCase("truncated at 80", listing(
                        "The Beatles Abbey Road LP Original UK Press Apple Records Gatefold Excellent Cond", VINYL),
                        List.of(6L)),
                new GoldenCase("written together", listing("ACDC Back in Black LP", VINYL), List.of(14L)),
                new GoldenCase("roman numerals", listing("Led Zeppelin 2 LP Atlantic", VINYL), List.of(15L)),
                new GoldenCase("roman numerals", listing("Led Zeppelin III LP", VINYL), List.of(16L)),
                new GoldenCase("format", listing("Motorhead - Ace Of Spades CD 1990", CD), List.of(2L)),
                new GoldenCase("greatest hits", listing("Queen Greatest Hits LP", VINYL), List.of(4L)),
                new GoldenCase("greatest hits", listing("Bill Evans - The Best Of LP", VINYL), List.of(12L)),
                new GoldenCase("greatest hits by others", listing("Elton John Greatest Hits LP", VINYL), List.of()),
                new GoldenCase("greatest hits by others", listing("Greatest Hits LP vinyl 1975", VINYL), List.of()),
                new GoldenCase("greatest hits by others", listing("The Best Of Miles Davis LP", VINYL), List.of()),
                new GoldenCase("format traps", listing("Simon & Garfunkel Bookends CD", CD), List.of()),
                new GoldenCase("format traps", listing("Queen Greatest Hits", CD), List.of()),
                new GoldenCase("other artist, same words", listing("Lou Ostergaard Quartet - Sacred Orchard LP", VINYL), List.of()),
                new GoldenCase("other title, same words", listing("Lou Ostergaard - Sacred Sacred Orchard LP", VINYL), List.of()),
                new GoldenCase("same name, nothing to tell", listing("Peter Gabriel Peter Gabriel LP", VINYL), List.of()),
                new GoldenCase("same name, pressing named", listing("Peter Gabriel Peter Gabriel LP CDS 4013", VINYL), List.of(11L)),
                new GoldenCase("Cyrillic as typed", listing("Ласковый Май - Белые Розы LP Мелодия", VINYL), List.of(17L)),
                new GoldenCase("Cyrillic in Latin", listing("Laskovyy May Belye Rozy LP USSR", VINYL), List.of(17L)),
                new GoldenCase("Cyrillic in Latin", listing("LASKOVIJ MAJ - BELYJE ROZY Melodija LP", VINYL), List.of(17L)),
                new GoldenCase("composer by surname", listing("Vivaldi: The Four Seasons LP Philips 1970", VINYL), List.of(18L)),
                new GoldenCase("surname of a namesake", listing("Vivaldi Quartet The Four Seasons LP", VINYL), List.of()),
                new GoldenCase("another catalog number", listing("Peter Frampton Frampton Comes Alive! CD 31454 0930 2", CD), List.of()),
                new GoldenCase("its own catalog number", listing("Peter Frampton Frampton Comes Alive! CD 6703", CD), List.of(19L)),
                new GoldenCase("other format named aside", listing("Peter Frampton - Frampton Comes Alive CD mini LP sleeve", null), List.of(19L)),
                new GoldenCase("surname with two namesakes", listing("Imagine LP Apple", VINYL), List.of()),
                new GoldenCase("full name over a surname's namesake", listing("Slayer - Echo & Signal LP", VINYL), List.of(23L)),
                new GoldenCase("none for no catalog number", listing("RAY FOX QUIET SEASON NONE EX", VINYL), List.of(25L)),
                new GoldenCase("none in the name", listing("Nonesuch Few - None Shall Pass LP", VINYL), List.of(27L, 28L)),
                new GoldenCase("full name over a surname's namesake", listing("Kavori Slayer Echo and Signal LP", VINYL), List.of(24L)),
                new GoldenCase("an artist of no letters", listing("Chk Chk Chk Myth Takes LP Warp", VINYL), List.of()),
                new GoldenCase("non-records", listing("lot of 25 LPs Beatles Abbey Road Queen", VINYL), List.of()),
                new GoldenCase("non-records", listing("Technics SL-1200MK2 turntable direct drive", null), List.of()),
                new GoldenCase("non-records", listing("Outer sleeves 12\" LP 100 pack", null), List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void golden(GoldenCase c) {
        c.check(TestContext.start(new FuzzyMatcher(), CATALOG), "fuzzy");
    }

    @Test
    void keepsQueriesFew() {
        FuzzyMatcher tier = TestContext.start(new FuzzyMatcher(), CATALOG);
        CATALOG.resetCalls();
        tier.match(listing("Xyzzy Plugh Frobozz Quux LP", VINYL)); // nothing matches: every fallback is tried
        assertTrue(CATALOG.calls() <= 3, "calls: " + CATALOG.calls());
    }

    @Test
    void refusesBadSettingsNamingTheKey() {
        PluginException.BadConfiguration e = assertThrows(PluginException.BadConfiguration.class,
                () -> TestContext.start(new FuzzyMatcher(), CATALOG, Map.of("margin", "1.5")));
        assertEquals("margin", e.key());
    }
}
