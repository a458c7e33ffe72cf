package io.vinyldetective.plugins.match.testkit;

import io.vinyldetective.api.MediaFormat;
import io.vinyldetective.api.Release;
import io.vinyldetective.api.TextKeys;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads releases from a Discogs releases dump ({@code releases.xml}, optionally gzipped) with StAX:
 * title, artists (with {@code (2)} suffixes dropped), labels with catalog numbers, barcodes, the first
 * format's name and descriptions, country, year, master id. Only what matching needs; a minimal
 * stand-in for the engine's importer.
 */
public final class DiscogsDumpReader {

    private DiscogsDumpReader() {
    }

    public static List<Release> read(Path file) {
        List<Release> out = new ArrayList<>();
        read(file, out::add);
        return out;
    }

    public static void read(Path file, Consumer<Release> sink) {
        try (InputStream raw = Files.newInputStream(file);
             InputStream in = file.toString().endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw) {
            XMLInputFactory factory = XMLInputFactory.newFactory();
            factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
            factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
            XMLStreamReader xml = factory.createXMLStreamReader(in, "UTF-8");
            while (xml.hasNext()) {
                if (xml.next() == XMLStreamConstants.START_ELEMENT && xml.getLocalName().equals("release")) {
                    sink.accept(release(xml));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (XMLStreamException e) {
            throw new IllegalStateException("bad dump " + file + ": " + e.getMessage(), e);
        }
    }

    private static Release release(XMLStreamReader xml) throws XMLStreamException {
        long id = Long.parseLong(xml.getAttributeValue(null, "id"));
        String title = null;
        List<String> artists = new ArrayList<>();
        List<Release.LabelCatalogNumber> labels = new ArrayList<>();
        List<String> barcodes = new ArrayList<>();
        String formatName = null;
        List<String> descriptions = new ArrayList<>();
        String country = null;
        Integer year = null;
        Long masterId = null;
        List<String> path = new ArrayList<>();
        int formats = 0;
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.END_ELEMENT) {
                if (path.isEmpty()) {
                    break; // </release>
                }
                path.remove(path.size() - 1);
                continue;
            }
            if (event != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            String name = xml.getLocalName();
            String parent = path.isEmpty() ? "" : path.get(path.size() - 1);
            int depth = path.size();
            path.add(name);
            if (depth == 0 && name.equals("title")) {
                title = text(xml, path);
            } else if (name.equals("name") && depth == 2 && path.get(0).equals("artists")) {
                artists.add(TextKeys.withoutDisambiguation(text(xml, path)));
            } else if (name.equals("label") && parent.equals("labels")) {
                labels.add(new Release.LabelCatalogNumber(xml.getAttributeValue(null, "name"),
                        xml.getAttributeValue(null, "catno")));
            } else if (name.equals("identifier") && "Barcode".equals(xml.getAttributeValue(null, "type"))) {
                String value = xml.getAttributeValue(null, "value");
                if (value != null && !value.isBlank()) {
                    barcodes.add(value.strip());
                }
            } else if (name.equals("format") && parent.equals("formats")) {
                formats++;
                if (formats == 1) {
                    formatName = xml.getAttributeValue(null, "name");
                }
            } else if (name.equals("description") && formats == 1) {
                descriptions.add(text(xml, path));
            } else if (depth == 0 && name.equals("country")) {
                country = text(xml, path);
            } else if (depth == 0 && name.equals("released")) {
                String r = text(xml, path);
                if (r.length() >= 4 && TextKeys.isYear(r.substring(0, 4))) {
                    year = Integer.parseInt(r.substring(0, 4));
                }
            } else if (depth == 0 && name.equals("master_id")) {
                String m = text(xml, path).strip();
                masterId = m.isEmpty() ? null : Long.parseLong(m);
            }
        }
        String description = formatName == null ? null
                : descriptions.isEmpty() ? formatName : formatName + ", " + String.join(", ", descriptions);
        return new Release(id, title == null ? "" : title, artists, labels, barcodes, MediaFormat.fromName(formatName),
                description, country, year, masterId);
    }

    /** Reads an element's text and consumes its end tag. */
    private static String text(XMLStreamReader xml, List<String> path) throws XMLStreamException {
        String t = xml.getElementText();
        path.remove(path.size() - 1);
        return t;
    }
}
