package io.vinyldetective.engine.catalog.dump;

import io.micronaut.context.ApplicationContext;
import io.vinyldetective.api.CatalogKeys;
import io.vinyldetective.engine.TestData;
import io.vinyldetective.engine.catalog.CatalogStore;
import io.vinyldetective.engine.storage.EngineDatabase;
import io.vinyldetective.engine.storage.StorageSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DumpImporterTest {

    private static final Path SAMPLE = TestData.shared("data/discogs-dump-sample/releases-1000.xml.gz");

    @TempDir
    Path dir;
    private ApplicationContext context;
    private DumpImporter importer;
    private EngineDatabase db;

    @BeforeEach
    void start() {
        context = ApplicationContext.run(Map.of(StorageSettings.DATA_DIR, dir.resolve("data").toString()));
        importer = context.getBean(DumpImporter.class);
        db = context.getBean(EngineDatabase.class);
    }

    @AfterEach
    void stop() {
        context.close();
    }

    @Test
    void importsTheSampleWithExactCountsAndReimportChangesNoCount() throws Exception {
        Expected expected = Expected.scan(gunzip(SAMPLE));
        List<ImportProgress.ImportStatus> progress = new ArrayList<>();

        ImportSummary first = importer.importFile(SAMPLE, progress::add);

        assertTrue(first.complete(), first.error());
        assertEquals(new ImportSummary(1000, 1000, 0, first.seconds(), null), first);
        assertEquals(List.of(expected.releases, expected.catalogNumbers, expected.barcodes, expected.releases), counts());
        assertFalse(progress.isEmpty());
        assertEquals(1000, progress.get(progress.size() - 1).read());
        assertEquals(1.0, progress.get(progress.size() - 1).fraction());

        ImportSummary again = importer.importFile(SAMPLE, ImportProgress.NONE);
        assertEquals(1000, again.imported());
        assertEquals(List.of(expected.releases, expected.catalogNumbers, expected.barcodes, expected.releases), counts());
    }

    @Test
    void aTruncatedFileKeepsWhatWasReadAndSaysWhy() throws Exception {
        String xml = gunzip(SAMPLE);
        // Cut in the middle of the 301st release: 300 complete releases come before it.
        int cut = nthIndexOf(xml, "<release id=", 301) + 2_000;
        Path truncated = dir.resolve("truncated.xml");
        Files.writeString(truncated, xml.substring(0, cut));

        ImportSummary s = importer.importFile(truncated, ImportProgress.NONE);

        assertFalse(s.complete());
        assertTrue(s.error().contains("truncated or garbled"), s.error());
        assertEquals(300, s.imported());
        assertEquals(300L, counts().get(0));
        assertEquals(300L, counts().get(3)); // the full-text index was rebuilt for what was kept
    }

    @Test
    void malformedRecordsAreSkippedAndBrokenXmlEndsTheImport() throws Exception {
        Path file = dir.resolve("garbled.xml");
        Files.writeString(file, "<releases>\n"
                + "<release id=\"1\" status=\"Accepted\"><title>Good One</title><labels><label name=\"L\" catno=\"AB 1\"/></labels></release>\n"
                + "<release id=\"x2\" status=\"Accepted\"><title>Bad Id</title></release>\n"
                + "<release status=\"Accepted\"><title>No Id</title></release>\n"
                + "<release id=\"4\"><labels><label name=\"L\" catno=\"AB 4\"/></labels></release>\n"
                + "<release id=\"5\"><title>Bad Master</title><master_id>12ab</master_id></release>\n"
                + "<release id=\"6\"><title>Stray <b>markup</b> and text</title>stray text<country>UK</country></release>\n"
                + "<release id=\"7\"><title>Broken</titel></release>\n"
                + "<release id=\"8\"><title>Never Reached</title></release>\n"
                + "</releases>\n");

        ImportSummary s = importer.importFile(file, ImportProgress.NONE);

        assertEquals(2, s.imported(), s.toString());
        assertEquals(4, s.skipped());
        assertNotNull(s.error());
        assertTrue(s.error().contains("line 8"), s.error());
        CatalogStore catalog = context.getBean(CatalogStore.class);
        assertEquals("Stray markup and text", catalog.release(6).orElseThrow().title());
        assertEquals("UK", catalog.release(6).orElseThrow().country());
        assertEquals(1, catalog.byCatalogNumber("ab-1").size());
    }

    @Test
    void aFileThatIsNotADumpIsRefusedWithAOneLineMessage() throws IOException {
        Path notXml = dir.resolve("notes.txt");
        Files.writeString(notXml, "hello");
        DumpFileException e = assertThrows(DumpFileException.class, () -> importer.importFile(notXml, ImportProgress.NONE));
        assertFalse(e.getMessage().contains("\n"), e.getMessage());

        Path otherXml = dir.resolve("artists.xml");
        Files.writeString(otherXml, "<artists><artist/></artists>");
        e = assertThrows(DumpFileException.class, () -> importer.importFile(otherXml, ImportProgress.NONE));
        assertTrue(e.getMessage().contains("<artists>"), e.getMessage());

        e = assertThrows(DumpFileException.class, () -> importer.importFile(dir.resolve("missing.xml.gz"), ImportProgress.NONE));
        assertTrue(e.getMessage().startsWith("No such file"), e.getMessage());
    }

    @Test
    void anInterruptedImportLeavesAnIndexTheEngineRebuildsAtStart() throws Exception {
        importer.importFile(SAMPLE, ImportProgress.NONE);
        execute("UPDATE releases_fts_state SET live = 0");
        execute("INSERT INTO releases_fts (releases_fts) VALUES ('delete-all')");
        assertEquals(0L, counts().get(3));
        context.getBean(CatalogStore.class); // first use of the catalog
        assertEquals(1000L, counts().get(3));
    }

    /** releases, catalog-number rows, barcode rows, full-text documents. */
    private List<Long> counts() throws SQLException {
        List<Long> counts = new ArrayList<>();
        for (String sql : List.of("SELECT COUNT(*) FROM discogs_releases", "SELECT COUNT(*) FROM release_catalog_numbers",
                "SELECT COUNT(*) FROM release_barcodes", "SELECT COUNT(*) FROM releases_fts_docsize")) {
            try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
                rs.next();
                counts.add(rs.getLong(1));
            }
        }
        return counts;
    }

    private void execute(String sql) throws SQLException {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate(sql);
        }
    }

    static String gunzip(Path file) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static int nthIndexOf(String s, String what, int n) {
        int at = -1;
        for (int i = 0; i < n; i++) {
            at = s.indexOf(what, at + 1);
        }
        return at;
    }

    /**
     * The counts the import must give, derived from the XML text with regular expressions rather than
     * with the importer's parser: releases are {@code <release id=} start tags; catalog-number rows are
     * {@code <label catno="...">} attributes of each release's {@code <labels>} whose
     * {@link CatalogKeys#catalogNumber key} is not null (placeholders such as "none" give none); barcode
     * rows are {@code <identifier type="Barcode" value="...">} whose {@link CatalogKeys#barcode key} is not
     * null. For releases-1000.xml.gz this gives 1000 releases, 1012 catalog numbers and 321 barcodes,
     * checked by hand: {@code zcat | grep -o 'catno="[^"]*"'} finds 1135 catalog numbers of which 123
     * are "none" (labels' catno attributes appear nowhere else); {@code grep -o '<identifier type="Barcode"'}
     * finds 338 barcodes of which 17 do not have 8, 12, 13 or 14 digits (a separate Python script).
     */
    record Expected(long releases, long catalogNumbers, long barcodes) {

        private static final Pattern RELEASE = Pattern.compile("<release id=\"\\d+\"");
        private static final Pattern LABELS = Pattern.compile("<labels>(.*?)</labels>", Pattern.DOTALL);
        private static final Pattern CATNO = Pattern.compile("<label [^>]*catno=\"([^\"]*)\"");
        private static final Pattern BARCODE = Pattern.compile("<identifier type=\"Barcode\"[^>]*value=\"([^\"]*)\"");

        static Expected scan(String xml) {
            long releases = RELEASE.matcher(xml).results().count();
            long catnos = 0;
            Matcher labels = LABELS.matcher(xml);
            while (labels.find()) {
                Matcher catno = CATNO.matcher(labels.group(1));
                while (catno.find()) {
                    if (CatalogKeys.catalogNumber(unescape(catno.group(1))) != null) {
                        catnos++;
                    }
                }
            }
            long barcodes = BARCODE.matcher(xml).results().filter(m -> CatalogKeys.barcode(unescape(m.group(1))) != null).count();
            return new Expected(releases, catnos, barcodes);
        }

        private static String unescape(String s) {
            return Pattern.compile("&#(\\d+);").matcher(s.replace("&quot;", "\"").replace("&apos;", "'").replace("&lt;", "<")
                    .replace("&gt;", ">")).replaceAll(m -> Matcher.quoteReplacement(new String(Character.toChars(Integer.parseInt(m.group(1))))))
                    .replace("&amp;", "&");
        }
    }

    @Test
    void theIndependentCountAgreesWithTheCountByHand() throws IOException {
        assertEquals(new Expected(1000, 1012, 321), Expected.scan(gunzip(SAMPLE)));
    }
}
