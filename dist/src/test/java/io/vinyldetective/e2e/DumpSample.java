package io.vinyldetective.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongPredicate;
import java.util.zip.GZIPInputStream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Real releases for the fakes: the CC0 Discogs dump sample ({@code shared/data/discogs-dump-sample/
 * releases-1000.xml.gz}) read with StAX and turned into what {@code GET /releases/{id}} answers, on
 * the recorded release {@code discogs_release_71989_peacefixation.json} as the template of the shape
 * (its fields that describe that other release, such as images and credits, are dropped).
 */
public final class DumpSample {

    public static final String SAMPLE = "data/discogs-dump-sample/releases-1000.xml.gz";
    static final String TEMPLATE = "api/discogs/discogs_release_71989_peacefixation.json";

    private DumpSample() {
    }

    /** The sample's releases whose id {@code wanted} accepts, in file order, as API release objects. */
    public static List<Map<String, Object>> releases(LongPredicate wanted) {
        Map<String, Object> template = Shared.json(TEMPLATE);
        for (String field : List.of("series", "companies", "extraartists", "images", "videos", "thumb", "notes",
                "date_added", "date_changed", "estimated_weight", "released_formatted", "lowest_price", "num_for_sale")) {
            template.remove(field);
        }
        List<Map<String, Object>> out = new ArrayList<>();
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        try (InputStream in = new GZIPInputStream(Files.newInputStream(Shared.file(SAMPLE)))) {
            XMLStreamReader xml = factory.createXMLStreamReader(in);
            while (xml.hasNext()) {
                if (xml.next() == XMLStreamConstants.START_ELEMENT && xml.getLocalName().equals("release")) {
                    long id = Long.parseLong(xml.getAttributeValue(null, "id"));
                    if (wanted.test(id)) {
                        Map<String, Object> release = Shared.copy(template);
                        release.putAll(read(xml, id));
                        out.add(release);
                    } else {
                        skip(xml);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the Discogs dump sample is missing: " + Shared.file(SAMPLE), e);
        } catch (XMLStreamException e) {
            throw new IllegalStateException("the Discogs dump sample is not readable XML", e);
        }
        return out;
    }

    /** One release by id. */
    static Map<String, Object> release(long id) {
        List<Map<String, Object>> found = releases(x -> x == id);
        if (found.isEmpty()) {
            throw new IllegalArgumentException("release " + id + " is not in the dump sample");
        }
        return found.get(0);
    }

    private static void skip(XMLStreamReader xml) throws XMLStreamException {
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

    /** Reads one {@code <release>} (the reader is on its start tag) into the API's field names. */
    private static Map<String, Object> read(XMLStreamReader xml, long id) throws XMLStreamException {
        List<Map<String, Object>> artists = new ArrayList<>();
        List<Map<String, Object>> labels = new ArrayList<>();
        List<Map<String, Object>> formats = new ArrayList<>();
        List<Map<String, Object>> identifiers = new ArrayList<>();
        List<Map<String, Object>> tracklist = new ArrayList<>();
        List<String> genres = new ArrayList<>();
        List<String> styles = new ArrayList<>();
        Map<String, Object> fields = new LinkedHashMap<>();
        List<String> path = new ArrayList<>();
        Map<String, Object> current = null;
        StringBuilder text = new StringBuilder();
        while (true) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                path.add(xml.getLocalName());
                text.setLength(0);
                String at = String.join("/", path);
                switch (at) {
                    case "artists/artist":
                    case "tracklist/track":
                        current = new LinkedHashMap<>();
                        (at.startsWith("artists") ? artists : tracklist).add(current);
                        break;
                    case "labels/label":
                        Map<String, Object> label = new LinkedHashMap<>();
                        label.put("name", xml.getAttributeValue(null, "name"));
                        label.put("catno", xml.getAttributeValue(null, "catno"));
                        label.put("entity_type", "1");
                        label.put("entity_type_name", "Label");
                        label.put("id", Long.parseLong(xml.getAttributeValue(null, "id")));
                        label.put("resource_url", "https://api.discogs.com/labels/" + label.get("id"));
                        labels.add(label);
                        break;
                    case "formats/format":
                        current = new LinkedHashMap<>();
                        current.put("name", xml.getAttributeValue(null, "name"));
                        current.put("qty", xml.getAttributeValue(null, "qty"));
                        String formatText = xml.getAttributeValue(null, "text");
                        if (formatText != null && !formatText.isBlank()) {
                            current.put("text", formatText);
                        }
                        current.put("descriptions", new ArrayList<String>());
                        formats.add(current);
                        break;
                    case "identifiers/identifier":
                        Map<String, Object> identifier = new LinkedHashMap<>();
                        identifier.put("type", xml.getAttributeValue(null, "type"));
                        identifier.put("value", xml.getAttributeValue(null, "value"));
                        String description = xml.getAttributeValue(null, "description");
                        if (description != null) {
                            identifier.put("description", description);
                        }
                        identifiers.add(identifier);
                        break;
                    default:
                        break;
                }
            } else if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) {
                text.append(xml.getText());
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                if (path.isEmpty()) {
                    break; // </release>
                }
                String at = String.join("/", path);
                String value = text.toString().strip();
                switch (at) {
                    case "title":
                    case "country":
                    case "released":
                    case "data_quality":
                        fields.put(at, value);
                        break;
                    case "master_id":
                        fields.put("master_id", Long.parseLong(value));
                        break;
                    case "genres/genre":
                        genres.add(value);
                        break;
                    case "styles/style":
                        styles.add(value);
                        break;
                    case "artists/artist/id":
                        current.put("id", Long.parseLong(value));
                        current.put("resource_url", "https://api.discogs.com/artists/" + value);
                        break;
                    case "artists/artist/name":
                    case "artists/artist/anv":
                    case "artists/artist/join":
                        current.put(path.get(2), value);
                        break;
                    case "tracklist/track/position":
                    case "tracklist/track/title":
                    case "tracklist/track/duration":
                        current.put(path.get(2), value);
                        current.put("type_", "track");
                        break;
                    case "formats/format/descriptions/description":
                        Shared.list(current.get("descriptions")).add(value);
                        break;
                    default:
                        break;
                }
                path.remove(path.size() - 1);
                text.setLength(0);
            }
        }
        Map<String, Object> release = new LinkedHashMap<>(fields);
        release.put("id", id);
        release.put("status", "Accepted");
        for (Map<String, Object> a : artists) {
            a.putIfAbsent("anv", "");
            a.putIfAbsent("join", "");
            a.put("role", "");
            a.put("tracks", "");
        }
        release.put("artists", artists);
        release.put("artists_sort", String.join(", ", artists.stream().map(a -> (String) a.get("name")).toList()));
        release.put("labels", labels);
        release.put("formats", formats);
        release.put("format_quantity", formats.stream().mapToInt(f -> Integer.parseInt((String) f.get("qty"))).sum());
        release.put("identifiers", identifiers);
        release.put("genres", genres);
        release.put("styles", styles);
        release.put("tracklist", tracklist);
        String released = (String) fields.getOrDefault("released", "");
        release.put("year", released.length() >= 4 && released.substring(0, 4).chars().allMatch(Character::isDigit)
                ? Integer.parseInt(released.substring(0, 4)) : 0);
        if (fields.containsKey("master_id")) {
            release.put("master_url", "https://api.discogs.com/masters/" + fields.get("master_id"));
        }
        release.put("uri", "https://www.discogs.com/release/" + id);
        release.put("resource_url", "https://api.discogs.com/releases/" + id);
        return release;
    }
}
