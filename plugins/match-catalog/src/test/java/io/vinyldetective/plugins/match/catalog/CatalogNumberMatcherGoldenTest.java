package io.vinyldetective.plugins.match.catalog;

import static io.vinyldetective.api.MediaFormat.CD;
import static io.vinyldetective.api.MediaFormat.VINYL;
import static io.vinyldetective.plugins.match.testkit.TestReleases.listing;
import static io.vinyldetective.plugins.match.testkit.TestReleases.release;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vinyldetective.api.PluginException;
import io.vinyldetective.plugins.match.testkit.InMemoryCatalog;
import io.vinyldetective.plugins.match.testkit.GoldenCase;
import io.vinyldetective.plugins.match.testkit.TestContext;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Hand-written golden cases for the catalog-number tier, one family each. */
class CatalogNumberMatcherGoldenTest {

    static final InMemoryCatalog CATALOG = InMemoryCatalog.of(
            release(1, "Hank Mobley", "Soul Station", VINYL).label("Blue Note", "BLP 4031").country("US").year(1960).master(10).build(),
            release(2, "Hank Mobley", "Soul Station", VINYL).label("Blue Note", "BLP 4031").country("Japan").year(1960).master(10).build(),
            release(3, "Hank Mobley", "Soul Station", CD).label("Blue Note", "CDP 7 46528 2").country("Europe").year(1987).master(10).build(),
            release(4, "Motörhead", "Ace Of Spades", VINYL).label("Bronze", "BRON 531").country("UK").year(1980).master(20).build(),
            release(5, "Artist A", "Songs", VINYL).label("Self-released", "LP 1").build(),
            release(6, "Artist B (2)", "Other Thing", VINYL).label("Self-released", "LP-1").build(),
            release(7, "Black Sabbath", "Paranoid", VINYL).label("Vertigo", "6360 011").country("UK").year(1970).master(30).build(),
            release(8, "Black Sabbath", "Paranoid", VINYL).label("Music On Vinyl", "MOVLP1234").country("Europe").year(2012).master(30).build(),
            release(9, "Miles Davis", "Sketches", VINYL).label("Columbia Legacy", "88985 41212 1").year(2017).build(),
            release(10, "Herbie Hancock", "Dream", VINYL).label("Blue Note", "BN-LA696-G").build());

    static Stream<GoldenCase> cases() {
        return Stream.of(
                new GoldenCase("catalog-number variants", listing("Hank Mobley Soul Station LP Blue Note BLP 4031 VG+", VINYL), List.of(1L, 2L)),
                new GoldenCase("catalog-number variants", listing("HANK MOBLEY SOUL STATION blp-4031 Japan", VINYL), List.of(2L, 1L)),
                new GoldenCase("catalog-number variants", listing("Soul Station - Hank Mobley (CD) CDP 7 46528 2", CD), List.of(3L)),
                new GoldenCase("catalog-number variants", listing("Soul Station Hank Mobley CD CDP7465282 w/ booklet", CD), List.of(3L)),
                new GoldenCase("catalog-number variants", listing("Black Sabbath Paranoid LP 6360011 1970 UK", VINYL), List.of(7L)),
                new GoldenCase("catalog-number variants", listing("Black Sabbath - Paranoid movlp1234 180g sealed", VINYL), List.of(8L)),
                new GoldenCase("catalog-number variants", listing("Miles Davis Sketches 88985 41212 1 LP", VINYL), List.of(9L)),
                new GoldenCase("catalog-number variants", listing("Herbie Hancock Dream BNLA696G", VINYL), List.of(10L)),
                new GoldenCase("item specifics", listing("Black Sabbath Paranoid vinyl", VINYL, null,
                        Map.of("Catalog Number", "6360-011")), List.of(7L)),
                new GoldenCase("diacritics", listing("Motorhead Ace Of Spades BRON 531 LP", VINYL), List.of(4L)),
                new GoldenCase("number alone", listing("Blue Note BLP 4031 LP original", VINYL), List.of(1L, 2L)),
                new GoldenCase("generic numbers", listing("Artist A - Songs LP 1 vinyl", VINYL), List.of(5L)),
                new GoldenCase("generic numbers", listing("Artist B Other Thing lp-1", VINYL), List.of(6L)),
                new GoldenCase("generic numbers", listing("Some Other Band Songs LP 1", VINYL), List.of()),
                new GoldenCase("generic numbers", listing("LP 1 vinyl record", VINYL), List.of()),
                new GoldenCase("format traps", listing("Hank Mobley Soul Station BLP 4031", CD), List.of()),
                new GoldenCase("format traps", listing("Hank Mobley Soul Station CD CDP 7 46528 2", VINYL), List.of()),
                new GoldenCase("contradiction", listing("Miles Davis Kind Of Blue BRON 531", VINYL), List.of()),
                new GoldenCase("no number", listing("Black Sabbath Paranoid 1970 180g 1st press", VINYL), List.of()),
                new GoldenCase("non-records", listing("Technics SL-1200MK2 turntable", null), List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void golden(GoldenCase c) {
        CatalogNumberMatcher tier = TestContext.start(new CatalogNumberMatcher(), CATALOG);
        c.check(tier, "catalog_no").ifPresent(r ->
                assertTrue(r.reasons().get(0).startsWith("catalog number"), r.reasons().toString()));
    }

    @Test
    void keepsLookupsFew() {
        CATALOG.resetCalls();
        TestContext.start(new CatalogNumberMatcher(), CATALOG)
                .match(listing("Hank Mobley 12 34 56 78 90 11 22 33 44 55 66 77 88 99 LP", VINYL));
        assertTrue(CATALOG.calls() <= 12, "calls: " + CATALOG.calls());
    }

    @Test
    void refusesNonsensicalSettings() {
        PluginException.BadConfiguration e = Assertions.assertThrows(PluginException.BadConfiguration.class,
                () -> TestContext.start(new CatalogNumberMatcher(), CATALOG, Map.of("max-lookups", "0")));
        assertEquals("max-lookups", e.key());
    }
}
