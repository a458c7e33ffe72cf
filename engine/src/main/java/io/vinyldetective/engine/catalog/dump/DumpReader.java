package io.vinyldetective.engine.catalog.dump;

import io.vinyldetective.api.CatalogKeys;
import io.vinyldetective.api.MediaFormat;
import io.vinyldetective.api.Release;
import io.vinyldetective.api.Release.LabelCatalogNumber;
import io.vinyldetective.engine.catalog.ReleaseColumns;

import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Streams the releases of a Discogs monthly releases dump ({@code <releases><release id=".."> ...})
 * with the JDK's StAX parser, in bounded memory: one release at a time, and the parts the catalog
 * does not need (tracklist, credits, notes, images, videos, companies...) skipped without building
 * anything. A release with a missing or bad id, a bad master id or no title is counted as
 * {@link #skipped()} and passed over; a file that is not well-formed ends the reading with a
 * {@link DumpFormatException}. Not thread-safe.
 */
public final class DumpReader implements AutoCloseable {

    private final XMLStreamReader xml;
    private long skipped;
    private boolean inRoot;
    private boolean finished;

    public DumpReader(InputStream in) throws DumpFormatException {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, false);
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, false);
        try {
            xml = factory.createXMLStreamReader(in);
        } catch (XMLStreamException e) {
            throw new DumpFormatException("Not an XML file: " + e.getMessage(), e);
        }
    }

    /** Releases passed over because they were malformed. */
    public long skipped() {
        return skipped;
    }

    /** The next good release, or null at the end of the dump. */
    public DumpRelease next() throws DumpFormatException {
        if (finished) {
            return null;
        }
        try {
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    if (!inRoot) {
                        if (!xml.getLocalName().equals("releases")) {
                            throw new DumpFormatException("Not a Discogs releases dump: the root element is <"
                                    + xml.getLocalName() + ">, not <releases>", null);
                        }
                        inRoot = true;
                    } else if (xml.getLocalName().equals("release")) {
                        DumpRelease release = release();
                        if (release != null) {
                            return release;
                        }
                        skipped++;
                    } else {
                        skipElement();
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    finished = true;
                    return null;
                }
            }
            finished = true;
            if (!inRoot) {
                throw new DumpFormatException("Not a Discogs releases dump: no <releases> element", null);
            }
            return null;
        } catch (XMLStreamException e) {
            finished = true;
            throw new DumpFormatException(describe(e), e);
        }
    }

    private static String describe(XMLStreamException e) {
        Location at = e.getLocation();
        String message = e.getMessage();
        // The JDK parser prefixes its message with "ParseError at [row,col]:[..]\nMessage: ".
        int m = message == null ? -1 : message.indexOf("Message: ");
        String text = m >= 0 ? message.substring(m + "Message: ".length()) : message;
        return at == null ? "The dump is truncated or garbled: " + text
                : "The dump is truncated or garbled at line " + at.getLineNumber() + ", column " + at.getColumnNumber() + ": " + text;
    }

    /** Reads one {@code <release>} up to its end tag; null when it is malformed. */
    private DumpRelease release() throws XMLStreamException {
        boolean bad = false;
        long id = 0;
        String idText = xml.getAttributeValue(null, "id");
        try {
            id = Long.parseLong(idText == null ? "" : idText.strip());
            bad = id <= 0;
        } catch (NumberFormatException e) {
            bad = true;
        }
        String title = null;
        List<String> artists = new ArrayList<>(2);
        List<LabelCatalogNumber> labels = new ArrayList<>(2);
        List<String> barcodes = new ArrayList<>(2);
        List<String> rawBarcodes = new ArrayList<>(2);
        List<String> genres = new ArrayList<>(2);
        List<String> styles = new ArrayList<>(4);
        FormatText format = new FormatText();
        String country = null;
        Integer year = null;
        Long masterId = null;
        while (nextTag() == XMLStreamConstants.START_ELEMENT) {
            switch (xml.getLocalName()) {
                case "title":
                    title = text().strip();
                    break;
                case "artists":
                    artists(artists);
                    break;
                case "labels":
                    labels(labels);
                    break;
                case "formats":
                    formats(format);
                    break;
                case "genres":
                    texts(genres);
                    break;
                case "styles":
                    texts(styles);
                    break;
                case "country":
                    country = emptyToNull(text());
                    break;
                case "released":
                    year = year(text());
                    break;
                case "master_id":
                    String master = text().strip();
                    try {
                        masterId = master.isEmpty() ? null : Long.valueOf(master);
                    } catch (NumberFormatException e) {
                        bad = true;
                    }
                    break;
                case "identifiers":
                    barcodes(barcodes, rawBarcodes);
                    break;
                default:
                    skipElement();
            }
        }
        if (bad || title == null || title.isEmpty()) {
            return null;
        }
        Release release = new Release(id, title, artists, ReleaseColumns.canonicalLabels(labels), barcodes,
                format.mediaFormat, format.description(), country, year, masterId);
        return new DumpRelease(release, rawBarcodes, joinOrNull(genres), joinOrNull(styles));
    }

    private void artists(List<String> out) throws XMLStreamException {
        while (nextTag() == XMLStreamConstants.START_ELEMENT) {
            if (!xml.getLocalName().equals("artist")) {
                skipElement();
                continue;
            }
            while (nextTag() == XMLStreamConstants.START_ELEMENT) {
                if (xml.getLocalName().equals("name")) {
                    String name = withoutNumberSuffix(text().strip());
                    if (!name.isEmpty()) {
                        out.add(name);
                    }
                } else {
                    skipElement();
                }
            }
        }
    }

    private void labels(List<LabelCatalogNumber> out) throws XMLStreamException {
        while (nextTag() == XMLStreamConstants.START_ELEMENT) {
            if (xml.getLocalName().equals("label")) {
                String name = emptyToNull(xml.getAttributeValue(null, "name"));
                String catno = emptyToNull(xml.getAttributeValue(null, "catno"));
                if (name != null || catno != null) {
                    out.add(new LabelCatalogNumber(name, catno));
                }
            }
            skipElement();
        }
    }

    private void formats(FormatText format) throws XMLStreamException {
        while (nextTag() == XMLStreamConstants.START_ELEMENT) {
            if (!xml.getLocalName().equals("format")) {
                skipElement();
                continue;
            }
            format.startFormat(xml.getAttributeValue(null, "name"), xml.getAttributeValue(null, "text"));
            while (nextTag() == XMLStreamConstants.START_ELEMENT) {
                if (xml.getLocalName().equals("descriptions")) {
                    while (nextTag() == XMLStreamConstants.START_ELEMENT) {
                        format.add(text());
                    }
                } else {
                    skipElement();
                }
            }
        }
    }

    private void barcodes(List<String> digits, List<String> raw) throws XMLStreamException {
        while (nextTag() == XMLStreamConstants.START_ELEMENT) {
            if (xml.getLocalName().equals("identifier") && "Barcode".equals(xml.getAttributeValue(null, "type"))) {
                String value = xml.getAttributeValue(null, "value");
                if (value != null && CatalogKeys.barcode(value) != null) {
                    raw.add(value.strip());
                    digits.add(ReleaseColumns.digits(value));
                }
            }
            skipElement();
        }
    }

    private void texts(List<String> out) throws XMLStreamException {
        while (nextTag() == XMLStreamConstants.START_ELEMENT) {
            String text = text().strip();
            if (!text.isEmpty()) {
                out.add(text);
            }
        }
    }

    /** The next start or end tag, passing over text (stray text inside a record is not an error), comments and the like. */
    private int nextTag() throws XMLStreamException {
        while (true) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT || event == XMLStreamConstants.END_ELEMENT) {
                return event;
            }
        }
    }

    /** The text of the current element up to its end tag; the text of nested elements is included. */
    private String text() throws XMLStreamException {
        String first = null;
        StringBuilder more = null;
        int depth = 1;
        while (true) {
            int event = xml.next();
            switch (event) {
                case XMLStreamConstants.CHARACTERS:
                case XMLStreamConstants.CDATA:
                case XMLStreamConstants.SPACE:
                case XMLStreamConstants.ENTITY_REFERENCE:
                    if (first == null) {
                        first = xml.getText();
                    } else {
                        if (more == null) {
                            more = new StringBuilder(first);
                        }
                        more.append(xml.getTextCharacters(), xml.getTextStart(), xml.getTextLength());
                    }
                    break;
                case XMLStreamConstants.START_ELEMENT:
                    depth++;
                    break;
                case XMLStreamConstants.END_ELEMENT:
                    if (--depth == 0) {
                        return more != null ? more.toString() : first == null ? "" : first;
                    }
                    break;
                default:
                    break;
            }
        }
    }

    /** Skips from a start tag to its end tag, whatever is inside. */
    private void skipElement() throws XMLStreamException {
        int depth = 1;
        while (depth > 0) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
    }

    /** {@code Josh Wink (2)} gives {@code Josh Wink}: Discogs numbers artists who share a name. */
    static String withoutNumberSuffix(String name) {
        int n = name.length();
        if (n < 4 || name.charAt(n - 1) != ')') {
            return name;
        }
        int open = name.lastIndexOf(" (");
        if (open <= 0 || open + 2 >= n - 1) {
            return name;
        }
        for (int i = open + 2; i < n - 1; i++) {
            char c = name.charAt(i);
            if (c < '0' || c > '9') {
                return name;
            }
        }
        return name.substring(0, open);
    }

    /** The year of a Discogs release date ({@code 1999-07-13}, {@code 1999}, {@code 1999-00-00}); null when unknown. */
    static Integer year(String released) {
        String s = released.strip();
        if (s.length() < 4) {
            return null;
        }
        int year = 0;
        for (int i = 0; i < 4; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return null;
            }
            year = year * 10 + (c - '0');
        }
        return year == 0 ? null : year;
    }

    private static String emptyToNull(String s) {
        if (s == null) {
            return null;
        }
        String t = s.strip();
        return t.isEmpty() ? null : t;
    }

    private static String joinOrNull(List<String> parts) {
        return parts.isEmpty() ? null : String.join(ReleaseColumns.LIST_SEPARATOR, parts);
    }

    @Override
    public void close() throws DumpFormatException {
        try {
            xml.close();
        } catch (XMLStreamException e) {
            throw new DumpFormatException(describe(e), e);
        }
    }

    /** The main format (the first one's) and the full description, e.g. {@code Vinyl, LP, Album, Reissue}. */
    private static final class FormatText {
        private MediaFormat mediaFormat;
        private boolean first = true;
        private final StringBuilder text = new StringBuilder();

        void startFormat(String name, String freeText) {
            if (first) {
                mediaFormat = MediaFormat.fromName(name);
                first = false;
            } else {
                text.append(" + ");
            }
            text.append(name == null ? "" : name.strip());
            add(freeText);
        }

        void add(String part) {
            if (part != null && !part.isBlank()) {
                text.append(text.length() == 0 ? "" : ", ").append(part.strip());
            }
        }

        String description() {
            return text.length() == 0 ? null : text.toString();
        }
    }
}
