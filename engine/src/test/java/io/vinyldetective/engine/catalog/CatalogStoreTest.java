package io.vinyldetective.engine.catalog;

import io.micronaut.context.ApplicationContext;
import io.vinyldetective.api.MediaFormat;
import io.vinyldetective.api.Release;
import io.vinyldetective.api.Release.LabelCatalogNumber;
import io.vinyldetective.engine.TestData;
import io.vinyldetective.engine.catalog.dump.DumpImporter;
import io.vinyldetective.engine.catalog.dump.ImportProgress;
import io.vinyldetective.engine.storage.EngineDatabase;
import io.vinyldetective.engine.storage.StorageSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Look-ups on the catalog filled from the 1000-release sample, and upserts. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CatalogStoreTest {

    @TempDir
    static Path dir;
    private ApplicationContext context;
    private CatalogStore catalog;

    @BeforeAll
    void fill() throws Exception {
        context = ApplicationContext.run(Map.of(StorageSettings.DATA_DIR, dir.toString()));
        context.getBean(DumpImporter.class).importFile(TestData.shared("data/discogs-dump-sample/releases-1000.xml.gz"),
                ImportProgress.NONE);
        catalog = context.getBean(CatalogStore.class);
        assertEquals(1000, catalog.size());
    }

    @AfterAll
    void stop() {
        context.close();
    }

    @Test
    void readsAReleaseWithEverything() {
        Release r = catalog.release(3).orElseThrow();
        assertEquals("Profound Sounds Vol. 1", r.title());
        assertEquals(List.of("Josh Wink"), r.artists());
        assertEquals(List.of(new LabelCatalogNumber("Ruffhouse Records", "CK 63628")), r.labels());
        assertEquals(List.of("074646362822"), r.barcodes());
        assertEquals(MediaFormat.CD, r.format());
        assertEquals("CD, Compilation, Mixed", r.formatDescription());
        assertEquals("US", r.country());
        assertEquals(1999, r.year());
        assertEquals(66526L, r.masterId());
        assertTrue(catalog.release(999_999_999).isEmpty());
    }

    @Test
    void findsByCatalogNumberInAnotherSpelling() {
        assertEquals(List.of(3L), ids(catalog.byCatalogNumber("ck-63628")));
        assertEquals(List.of(3L), ids(catalog.byCatalogNumber(" ck63628 ")));
        assertTrue(catalog.byCatalogNumber("none").isEmpty());
    }

    @Test
    void findsByBarcodeWrittenWithSpacesOrAsEan13() {
        // Release 4 prints "0 9362-47555-2 4" (UPC-A).
        assertEquals(List.of(4L), ids(catalog.byBarcode("0 93624 75552 4")));
        assertEquals(List.of(4L), ids(catalog.byBarcode("0093624755524")));
        assertTrue(catalog.byBarcode("12345").isEmpty());
    }

    @Test
    void findsCyrillicNamesWrittenInLatinLettersEitherWay() {
        List<Release> passport = catalog.search(List.of("laskovyy", "may"), List.of(), 10);
        assertEquals(List.of("Ласковый Май"), passport.get(0).artists());
        assertEquals(ids(passport), ids(catalog.search(List.of("laskovij", "maj"), List.of(), 10)));
        assertEquals(ids(passport), ids(catalog.search(List.of("Ласковый"), List.of("май"), 10)));
        // The optional words are checked in their other spellings too.
        assertEquals(ids(passport), ids(catalog.search(List.of("laskovyi"), List.of("maj", "nothing"), 10)));
        assertEquals("Рок-Ателье", catalog.search(List.of("rok", "atele"), List.of(), 10).get(0).artistLine());
    }

    @Test
    void searchesAcrossArtistTitleAndLabelIgnoringCaseAndDiacritics() {
        assertEquals(List.of(1586330L), ids(catalog.search(List.of("milanovic", "ljubav"), List.of(), 10)));
        assertEquals(List.of("Bojan Milanović"), catalog.release(1586330).orElseThrow().artists());
        assertEquals(List.of(46L, 52L), ids(catalog.search(List.of("HAKAN", "lidbo"), List.of(), 10)).stream().sorted().toList());
        assertEquals(List.of(1586354L), ids(catalog.search(List.of("gioventu"), List.of(), 10)));

        assertEquals(3L, catalog.search(List.of("WINK", "profound"), List.of(), 5).get(0).id());
        assertEquals(3L, catalog.search(List.of("ruffhouse"), List.of("sounds", "nothing-like-this"), 5).get(0).id());
        assertTrue(catalog.search(List.of("wink"), List.of("zzzz"), 5).isEmpty());
        assertEquals(List.of(1586330L, 1586364L),
                ids(catalog.search(List.of(), List.of("milanović", "écarlate"), 5)).stream().sorted().toList());
    }

    @Test
    void userTextIsNeverQuerySyntax() {
        for (String term : List.of("\"", "OR", "NOT", "a*", "title:wink", "(", "NEAR(a b)", "'", "^", "-", "")) {
            catalog.search(List.of(term), List.of(term), 5); // must not throw
        }
        assertTrue(catalog.search(List.of("wink", "NOT"), List.of(), 5).isEmpty()); // NOT is a word here
        assertTrue(catalog.search(List.of(), List.of(), 5).isEmpty());
    }

    @Test
    void upsertRoundTripsAndReplacesChildRows() {
        Release api = new Release(900_000_001L, "Bookends", List.of("Simon & Garfunkel", "Guest (2)"),
                List.of(new LabelCatalogNumber("Columbia", "KCS 9529"), new LabelCatalogNumber("Columbia, Inc.", "none"),
                        new LabelCatalogNumber("CBS", "S 63101")),
                List.of("074640952912"), MediaFormat.VINYL, "Vinyl, LP, Album", "US", 1968, 11111L);
        catalog.upsert(api, "api");

        Release back = catalog.release(api.id()).orElseThrow();
        assertEquals(new Release(api.id(), api.title(), api.artists(),
                List.of(new LabelCatalogNumber("Columbia", "KCS 9529"), new LabelCatalogNumber("CBS", "S 63101"),
                        new LabelCatalogNumber("Columbia, Inc.", null)),
                api.barcodes(), api.format(), api.formatDescription(), api.country(), api.year(), api.masterId()), back);
        assertEquals(back, catalog.release(api.id()).orElseThrow());
        assertEquals(back, catalog.search(List.of("garfunkel", "bookends"), List.of(), 3).get(0));

        Release changed = new Release(api.id(), "Bookends (Reissue)", List.of("Simon & Garfunkel"),
                List.of(new LabelCatalogNumber("Columbia", "PC 9529")), List.of(), null, null, null, null, null);
        catalog.upsert(changed, "api");
        assertEquals(changed, catalog.release(api.id()).orElseThrow());
        assertTrue(catalog.byCatalogNumber("KCS 9529").isEmpty());
        assertTrue(catalog.byBarcode("074640952912").isEmpty());
        assertEquals(List.of(api.id()), ids(catalog.byCatalogNumber("pc9529")));
        assertEquals(List.of(api.id()), ids(catalog.search(List.of("reissue", "garfunkel"), List.of(), 3)));
        assertEquals(1001, catalog.size());
    }

    @Test
    void commonWordsAreCountedAtTheImportAndOthersReadFromTheIndex() throws Exception {
        EngineDatabase db = context.getBean(EngineDatabase.class);
        String common;
        int counted;
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT w.term, w.releases, v.doc, (SELECT MIN(releases) FROM catalog_word_counts) "
                     + "FROM catalog_word_counts w JOIN releases_fts_vocab v ON v.term = w.term ORDER BY w.releases DESC")) {
            assertTrue(rs.next(), "the import counted the common words");
            common = rs.getString(1);
            counted = rs.getInt(2);
            assertEquals(rs.getInt(3), counted, "as the index has them");
            assertTrue(rs.getInt(4) >= FullTextIndex.COUNTED);
        }
        CatalogStore fresh = new CatalogStore(db);
        assertEquals(counted, fresh.documentFrequency(common));
        assertEquals(2, fresh.documentFrequency("WINK"), "a rare word is read from the index");
        assertEquals(0, fresh.documentFrequency("qqqzzzx"));
    }

    private static List<Long> ids(List<Release> releases) {
        return releases.stream().map(Release::id).toList();
    }
}
