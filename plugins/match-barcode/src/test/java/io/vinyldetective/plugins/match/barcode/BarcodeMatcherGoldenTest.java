package io.vinyldetective.plugins.match.barcode;

import static io.vinyldetective.api.MediaFormat.CD;
import static io.vinyldetective.api.MediaFormat.VINYL;
import static io.vinyldetective.plugins.match.testkit.TestReleases.listing;
import static io.vinyldetective.plugins.match.testkit.TestReleases.release;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vinyldetective.plugins.match.testkit.InMemoryCatalog;
import io.vinyldetective.plugins.match.testkit.GoldenCase;
import io.vinyldetective.plugins.match.testkit.TestContext;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Hand-written golden cases for the barcode tier: UPC/EAN/GTIN forms, bad check digits, junk, formats. */
class BarcodeMatcherGoldenTest {

    /** 036000291452 is a valid UPC-A; 4006381333931 a valid EAN-13. */
    static final InMemoryCatalog CATALOG = InMemoryCatalog.of(
            release(1, "Hank Mobley", "Soul Station", VINYL).label("Blue Note", "BLP 4031").barcode("0 36000 29145 2").build(),
            release(2, "Hank Mobley", "Soul Station", CD).label("Blue Note", "CDP 7 46528 2").barcode("4006381333931").build(),
            release(3, "Motörhead", "Ace Of Spades", VINYL).label("Bronze", "BRON 531").barcode("4006381333931").build());

    static Stream<GoldenCase> cases() {
        return Stream.of(
                new GoldenCase("UPC-A", listing("Hank Mobley Soul Station LP", VINYL, "036000291452", Map.of()), List.of(1L)),
                new GoldenCase("0 + UPC-A as EAN-13", listing("Hank Mobley Soul Station LP", VINYL, "0036000291452", Map.of()), List.of(1L)),
                new GoldenCase("GTIN-14", listing("Hank Mobley Soul Station LP", VINYL, "00036000291452", Map.of()), List.of(1L)),
                new GoldenCase("spaced, in item specifics", listing("Soul Station vinyl", VINYL, null, Map.of("UPC", "0 36000 29145 2")), List.of(1L)),
                new GoldenCase("in the title", listing("Hank Mobley Soul Station 036000291452", VINYL, null, Map.of()), List.of(1L)),
                new GoldenCase("EAN-13 and format: CD", listing("Hank Mobley Soul Station CD", CD, "4006381333931", Map.of()), List.of(2L)),
                new GoldenCase("EAN-13 and format: vinyl", listing("Motorhead Ace of Spades LP", VINYL, "4006381333931", Map.of()), List.of(3L)),
                new GoldenCase("bad check digit", listing("Hank Mobley Soul Station LP", VINYL, "036000291453", Map.of()), List.of()),
                new GoldenCase("junk", listing("Hank Mobley Soul Station LP", VINYL, "000000000000", Map.of()), List.of()),
                new GoldenCase("junk", listing("Hank Mobley Soul Station LP", VINYL, "Does not apply", Map.of()), List.of()),
                new GoldenCase("junk", listing("Hank Mobley Soul Station LP", VINYL, "12345", Map.of()), List.of()),
                new GoldenCase("format trap", listing("Hank Mobley Soul Station CD", CD, "036000291452", Map.of()), List.of()),
                new GoldenCase("seller copied another record's code", listing("Miles Davis Kind Of Blue LP", VINYL, "036000291452", Map.of()), List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void golden(GoldenCase c) {
        c.check(TestContext.start(new BarcodeMatcher(), CATALOG), "barcode");
    }

    @Test
    void junkDetection() {
        assertTrue(BarcodeMatcher.isJunk("0000000000000"));
        assertTrue(BarcodeMatcher.isJunk("000000000017"));
        assertFalse(BarcodeMatcher.isJunk("036000291452"));
    }

    @Test
    void digitRunsInTitles() {
        assertEquals(List.of("0 36000 29145 2"), BarcodeMatcher.digitRuns("Soul Station 0 36000 29145 2"));
        assertEquals(List.of(), BarcodeMatcher.digitRuns("Soul Station 1960 BLP 4031"));
    }
}
