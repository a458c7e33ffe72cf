package io.vinyldetective.plugins.discogs;

import io.vinyldetective.api.CatalogKeys;
import io.vinyldetective.api.MediaFormat;
import io.vinyldetective.api.Release;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns Discogs JSON into {@link Release}s: a full {@code /releases/{id}} answer, or one entry of a
 * {@code /database/search} page (a summary: one catalog number, label names, and the barcode strings
 * Discogs shows there). An entry that cannot be a release (no id, no title) gives empty, never an
 * exception.
 */
final class ReleaseMapper {

    /** Discogs tells namesakes apart with a number in brackets: {@code Proof (3)}. */
    private static final Pattern NAMESAKE_SUFFIX = Pattern.compile("\\s+\\(\\d+\\)$");

    private ReleaseMapper() {
    }

    /** A release from {@code GET /releases/{id}}. */
    static Optional<Release> fromRelease(JsonDoc json) {
        Long id = json.longValue("id");
        String title = json.string("title");
        if (id == null || id <= 0 || title == null) {
            return Optional.empty();
        }
        List<String> artists = new ArrayList<>();
        for (JsonDoc artist : json.objects("artists")) {
            String name = artistName(artist.string("name"));
            if (name != null) {
                artists.add(name);
            }
        }
        List<Release.LabelCatalogNumber> labels = new ArrayList<>();
        Set<String> seenLabels = new LinkedHashSet<>();
        for (JsonDoc label : json.objects("labels")) {
            String name = label.string("name");
            String catno = catalogNumber(label.string("catno"));
            if ((name != null || catno != null) && seenLabels.add(name + "\u0000" + catno)) {
                labels.add(new Release.LabelCatalogNumber(name, catno));
            }
        }
        Map<String, String> barcodes = new LinkedHashMap<>();
        for (JsonDoc identifier : json.objects("identifiers")) {
            if ("barcode".equalsIgnoreCase(identifier.string("type"))) {
                addBarcode(barcodes, identifier.string("value"));
            }
        }
        List<JsonDoc> formats = json.objects("formats");
        MediaFormat format = formats.isEmpty() ? null : MediaFormat.fromName(formats.get(0).string("name"));
        return Optional.of(new Release(id, title, artists, labels, List.copyOf(barcodes.values()), format,
                formatDescription(formats), json.string("country"), year(json.longValue("year")),
                positive(json.longValue("master_id"))));
    }

    /**
     * A summary release from one {@code /database/search} result of type {@code release}. Its title
     * is {@code Artist - Title}; the one catalog number shown is taken as the first label's.
     */
    static Optional<Release> fromSearchResult(JsonDoc result) {
        Long id = result.longValue("id");
        String fullTitle = result.string("title");
        String type = result.string("type");
        if (id == null || id <= 0 || fullTitle == null || (type != null && !type.equals("release"))) {
            return Optional.empty();
        }
        String title = fullTitle;
        List<String> artists = List.of();
        int dash = fullTitle.indexOf(" - ");
        if (dash > 0 && dash + 3 < fullTitle.length()) {
            artists = List.of(artistName(fullTitle.substring(0, dash)));
            title = fullTitle.substring(dash + 3).strip();
        }
        String catno = catalogNumber(result.string("catno"));
        List<Release.LabelCatalogNumber> labels = new ArrayList<>();
        for (String name : new LinkedHashSet<>(result.strings("label"))) {
            labels.add(new Release.LabelCatalogNumber(name, labels.isEmpty() ? catno : null));
        }
        if (labels.isEmpty() && catno != null) {
            labels.add(new Release.LabelCatalogNumber(null, catno));
        }
        Map<String, String> barcodes = new LinkedHashMap<>();
        for (String text : result.strings("barcode")) {
            addBarcode(barcodes, text);
        }
        List<String> formatWords = result.strings("format");
        MediaFormat format = formatWords.isEmpty() ? null : MediaFormat.fromName(formatWords.get(0));
        String description = formatWords.isEmpty() ? null : String.join(", ", formatWords);
        return Optional.of(new Release(id, title, artists, labels, List.copyOf(barcodes.values()), format, description,
                result.string("country"), year(result.longValue("year")), positive(result.longValue("master_id"))));
    }

    /** A catalog number as printed, or null for blanks and placeholders such as {@code none}. */
    static String catalogNumber(String raw) {
        return CatalogKeys.catalogNumber(raw) == null ? null : raw.strip();
    }

    /**
     * Barcode text as digits only, or null when it is not a barcode (Discogs' search {@code barcode}
     * list mixes barcodes with matrix and runout text: anything with letters is dropped).
     */
    static String barcode(String raw) {
        if (raw == null || CatalogKeys.barcode(raw) == null) {
            return null;
        }
        return raw.replaceAll("[^0-9]", "");
    }

    /** Adds a barcode once: {@code 0 828766 978124} and {@code 0828766978124} are the same code. */
    private static void addBarcode(Map<String, String> byKey, String raw) {
        String digits = barcode(raw);
        if (digits != null) {
            byKey.putIfAbsent(CatalogKeys.barcode(digits), digits);
        }
    }

    private static String artistName(String raw) {
        if (raw == null) {
            return null;
        }
        String name = NAMESAKE_SUFFIX.matcher(raw.strip()).replaceFirst("");
        return name.isEmpty() ? null : name;
    }

    /** {@code Vinyl, LP, Album} (first format; more formats follow after {@code +}). */
    private static String formatDescription(List<JsonDoc> formats) {
        List<String> parts = new ArrayList<>();
        for (JsonDoc format : formats) {
            List<String> words = new ArrayList<>();
            String name = format.string("name");
            if (name != null) {
                words.add(name);
            }
            words.addAll(format.strings("descriptions").stream().map(String::strip).filter(s -> !s.isEmpty()).toList());
            String text = format.string("text");
            if (text != null) {
                words.add(text);
            }
            if (!words.isEmpty()) {
                parts.add(String.join(", ", words));
            }
        }
        return parts.isEmpty() ? null : String.join(" + ", parts);
    }

    private static Integer year(Long year) {
        return year == null || year < 1000 || year > 9999 ? null : year.intValue();
    }

    private static Long positive(Long id) {
        return id == null || id <= 0 ? null : id;
    }
}
