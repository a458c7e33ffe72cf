package io.vinyldetective.engine.catalog.dump;

import io.vinyldetective.api.MediaFormat;
import io.vinyldetective.api.Release;
import io.vinyldetective.api.Release.LabelCatalogNumber;
import io.vinyldetective.engine.TestData;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class DumpReaderTest {

    @Test
    void readsTheFieldsTheCatalogKeeps() throws Exception {
        String one = "<releases>" + Files.readString(TestData.shared("data/discogs-dump-sample/release-one.xml")) + "</releases>";
        List<DumpRelease> releases = readAll(new ByteArrayInputStream(one.getBytes(StandardCharsets.UTF_8)));
        assertEquals(1, releases.size());
        DumpRelease d = releases.get(0);
        Release r = d.release();
        assertEquals(3, r.id());
        assertEquals("Profound Sounds Vol. 1", r.title());
        assertEquals(List.of("Josh Wink"), r.artists());
        assertEquals(List.of(new LabelCatalogNumber("Ruffhouse Records", "CK 63628")), r.labels());
        assertEquals(MediaFormat.CD, r.format());
        assertEquals("CD, Compilation, Mixed", r.formatDescription());
        assertEquals(1999, r.year());
        assertEquals(66526L, r.masterId());
        assertEquals("Electronic", d.genres());
        assertEquals("Techno, Tech House", d.styles());
    }

    @Test
    void cleansNamesLabelsAndBarcodes() throws Exception {
        String xml = "<releases><release id=\"9\"><artists><artist><name>Josh Wink (2)</name></artist>"
                + "<artist><name>Simon &amp; Garfunkel</name></artist><artist><name>Sunn O))) (3)</name></artist></artists>"
                + "<title> T </title><labels><label name=\"A\" catno=\"none\"/><label name=\"B\" catno=\"B-1\"/>"
                + "<label name=\"A\" catno=\"\"/></labels>"
                + "<formats><format name=\"Vinyl\" qty=\"2\" text=\"Red\"><descriptions><description>LP</description></descriptions></format>"
                + "<format name=\"CD\" qty=\"1\" text=\"\"/></formats><released>19??</released>"
                + "<identifiers><identifier type=\"Barcode\" value=\"5 012345 678900\"/><identifier type=\"Barcode\" value=\"none\"/>"
                + "<identifier type=\"Matrix / Runout\" value=\"5012345678900\"/></identifiers></release></releases>";
        Release r = readAll(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8))).get(0).release();
        assertEquals(List.of("Josh Wink", "Simon & Garfunkel", "Sunn O)))"), r.artists());
        assertEquals("T", r.title());
        assertEquals(List.of(new LabelCatalogNumber("B", "B-1"), new LabelCatalogNumber("A", null)), r.labels());
        assertEquals(MediaFormat.VINYL, r.format());
        assertEquals("Vinyl, Red, LP + CD", r.formatDescription());
        assertNull(r.year());
        assertEquals(List.of("5012345678900"), r.barcodes());
    }

    @Test
    void droppingUnreadElementsGivesTheSameReleases() throws Exception {
        byte[] xml = Files.readAllBytes(TestData.shared("data/discogs-dump-sample/releases-50.xml"));
        List<DumpRelease> plain = readAll(new ByteArrayInputStream(xml));
        // Tiny reads put tag boundaries everywhere.
        InputStream skipping = new SkippingInputStream(new TrickleInputStream(new ByteArrayInputStream(xml)), DumpImporter.UNREAD_ELEMENTS);
        assertEquals(50, plain.size());
        assertEquals(plain, readAll(skipping));
    }

    private static List<DumpRelease> readAll(InputStream in) throws Exception {
        List<DumpRelease> out = new ArrayList<>();
        try (DumpReader reader = new DumpReader(in)) {
            DumpRelease r;
            while ((r = reader.next()) != null) {
                out.add(r);
            }
        }
        return out;
    }

    /** Hands out at most 7 bytes per read. */
    private static final class TrickleInputStream extends FilterInputStream {
        TrickleInputStream(InputStream in) {
            super(in);
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            return super.read(b, off, Math.min(len, 7));
        }
    }
}
