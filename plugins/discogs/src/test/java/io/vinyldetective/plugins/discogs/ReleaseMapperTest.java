package io.vinyldetective.plugins.discogs;

import static io.vinyldetective.plugins.discogs.FakeDiscogs.recorded;
import static io.vinyldetective.plugins.discogs.FakeDiscogs.testcase;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vinyldetective.api.MediaFormat;
import io.vinyldetective.api.Release;
import io.vinyldetective.api.Release.LabelCatalogNumber;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Golden cases: recorded {@code /releases/{id}} and search answers mapped to releases. */
class ReleaseMapperTest {

    private static Release release(byte[] json) {
        return ReleaseMapper.fromRelease(JsonDoc.parse(json)).orElseThrow();
    }

    @Test
    void aRecordedSevenInchSingle() {
        Release r = release(recorded("discogs_official_docs_release_249504.json"));

        assertEquals(new Release(249504, "Never Gonna Give You Up", List.of("Rick Astley"),
                List.of(new LabelCatalogNumber("RCA", "PB 41447")), List.of("5012394144777"), MediaFormat.VINYL,
                "Vinyl, 7\", Single, 45 RPM", "UK", 1987, 96559L), r);
    }

    @Test
    void aRecordedTripleTwelveInchWithAUpcBarcode() {
        Release r = release(recorded("discogs_release_71989_peacefixation.json"));

        assertEquals(List.of("James Lavelle"), r.artists());
        assertEquals(List.of(new LabelCatalogNumber("Global Underground (3)", "GU023VIN")), r.labels());
        assertEquals(List.of("664612202353"), r.barcodes());
        assertEquals("Vinyl, 12\", Compilation, Limited Edition", r.formatDescription());
        assertEquals(2002, r.year());
        assertEquals(49104L, r.masterId());
    }

    @Test
    void matrixRunoutIdentifiersAreNotBarcodes() {
        Release r = release(recorded("discogs_release_8138518_go-discogs.json"));

        assertEquals(List.of(), r.barcodes());
        assertEquals(List.of("St. Petersburg Ska-Jazz Review"), r.artists());
        assertEquals("Russia", r.country());
        assertEquals(List.of(new LabelCatalogNumber("Magnetic Loft Records", "MLR-007")), r.labels());
    }

    @Test
    void aReleaseWithoutMasterOrIdentifiers() {
        Release r = release(recorded("discogs_release_10507194_peacefixation.json"));

        assertNull(r.masterId());
        assertEquals(List.of(), r.barcodes());
        assertEquals(List.of(new LabelCatalogNumber("Likemind", "LM-05")), r.labels());
        assertEquals("Vinyl, 12\", 45 RPM", r.formatDescription());
    }

    @Test
    void everyLabelAndBarcodeOnceAndNoneIsNoCatalogNumber() {
        Release r = release(testcase("release_3019961_from_dump.json"));

        assertEquals(List.of(new LabelCatalogNumber("Sony Records Int'l", "SICP 3222"), new LabelCatalogNumber("RCA", null)),
                r.labels());
        assertEquals(List.of("4547366060447"), r.barcodes());
        assertEquals(MediaFormat.CD, r.format());
        assertEquals("CD, Album", r.formatDescription());
        assertEquals(357096L, r.masterId());
    }

    @Test
    void twoLabelsSharingACatalogNumberAndANamesakeSuffix() {
        Release r = release(testcase("release_7698059_from_dump.json"));

        assertEquals(List.of("Down By Law"), r.artists());
        assertEquals(List.of(new LabelCatalogNumber("Victor", "VICP-60867"),
                new LabelCatalogNumber("Go-Kart Records", "VICP-60867")), r.labels());
        assertEquals(List.of("4988002391929"), r.barcodes());
    }

    @Test
    void yearZeroAndMissingFieldsGiveNulls() {
        Release r = release("{\"id\": 5, \"title\": \"T\", \"year\": 0, \"master_id\": 0, \"formats\": [{\"qty\": \"1\"}],"
                .concat("\"labels\": [{\"name\": \"L\", \"catno\": \"none\"}, {\"catno\": \"\"}], \"artists\": \"oops\"}")
                .getBytes(StandardCharsets.UTF_8));

        assertNull(r.year());
        assertNull(r.masterId());
        assertNull(r.format());
        assertEquals(List.of(), r.artists());
        assertEquals(List.of(new LabelCatalogNumber("L", null)), r.labels());
    }

    @Test
    void aReleaseWithoutIdOrTitleIsNoRelease() {
        assertEquals(Optional.empty(), ReleaseMapper.fromRelease(JsonDoc.parse(recorded("discogs_official_docs_release_404.json"))));
        assertEquals(Optional.empty(), ReleaseMapper.fromRelease(JsonDoc.parse("{\"id\": \"x\", \"title\": \"T\"}".getBytes())));
    }

    @Test
    void searchResultsOfARecordedPage() {
        List<JsonDoc> results = JsonDoc.parse(recorded("discogs_search_djhealer_peacefixation.json")).objects("results");

        assertEquals(Optional.empty(), ReleaseMapper.fromSearchResult(results.get(0)), "a master is not a release");
        Release r = ReleaseMapper.fromSearchResult(results.get(1)).orElseThrow();
        assertEquals(new Release(11849140, "Nothing 2 Loose", List.of("DJ Healer"),
                List.of(new LabelCatalogNumber("All Possible Worlds", "APW-2")), List.of(), MediaFormat.VINYL,
                "Vinyl, 12\", 33 ⅓ RPM, Album", "Germany", 2018, 1521183L), r);
    }

    @Test
    void searchResultsKeepRealBarcodesAndSeveralLabels() {
        List<JsonDoc> results = JsonDoc.parse(recorded("discogs_official_docs_search_nevermind.json")).objects("results");

        Release dvd = ReleaseMapper.fromSearchResult(results.get(0)).orElseThrow();
        assertEquals(List.of(new LabelCatalogNumber("Eagle Vision", "RV0296"), new LabelCatalogNumber("Rajon Vision", null),
                new LabelCatalogNumber("Classic Albums", null)), dvd.labels());
        assertEquals(MediaFormat.OTHER, dvd.format());
        Release umd = ReleaseMapper.fromSearchResult(results.get(2)).orElseThrow();
        assertEquals(List.of("5034504843646"), umd.barcodes());
        assertNull(umd.year());
        assertNull(umd.masterId());
    }

    @Test
    void notJsonIsReportedWithoutItsText() {
        JsonDoc.MalformedJson html = assertThrows(JsonDoc.MalformedJson.class,
                () -> JsonDoc.parse("<html><body>Secret error page</body></html>".getBytes()));
        JsonDoc.MalformedJson truncated = assertThrows(JsonDoc.MalformedJson.class,
                () -> JsonDoc.parse("{\"id\": 249504, \"title\": \"Never Gon".getBytes()));

        assertTrue(html.getMessage().startsWith("HTML"), html.getMessage());
        assertTrue(!html.getMessage().contains("Secret"), html.getMessage());
        assertTrue(truncated.getMessage().startsWith("incomplete JSON"), truncated.getMessage());
        assertThrows(JsonDoc.MalformedJson.class, () -> JsonDoc.parse("[1, 2]".getBytes()));
        assertThrows(JsonDoc.MalformedJson.class, () -> JsonDoc.parse(new byte[0]));
    }
}
