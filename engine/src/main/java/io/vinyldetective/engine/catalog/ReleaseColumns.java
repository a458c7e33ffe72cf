package io.vinyldetective.engine.catalog;

import io.vinyldetective.api.CatalogKeys;
import io.vinyldetective.api.Release;
import io.vinyldetective.api.Release.LabelCatalogNumber;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * How a {@link Release}'s lists are stored in {@code discogs_releases} columns so that reading it
 * back gives the same record: display strings for people and the full-text index, plus exact lists
 * where the display string cannot be split back.
 */
public final class ReleaseColumns {

    /** Joins artist names for display, as {@link Release#artistLine()} does. */
    public static final String ARTIST_SEPARATOR = " & ";
    /** Joins label names (and genres, styles) for display. */
    public static final String LIST_SEPARATOR = ", ";
    /** Joins exact name lists; names never contain a line feed (they are stripped on write). */
    static final String EXACT_SEPARATOR = "\n";

    private ReleaseColumns() {
    }

    /** The display string of the artists: names joined with {@code " & "}. */
    public static String artistLine(List<String> artists) {
        return String.join(ARTIST_SEPARATOR, artists);
    }

    /** The exact artist list, only when splitting the display string would not give it back; else null. */
    static String artistNames(List<String> artists) {
        if (artists.isEmpty() || artists.equals(Arrays.asList(artistLine(artists).split(ARTIST_SEPARATOR, -1)))) {
            return null;
        }
        return String.join(EXACT_SEPARATOR, artists);
    }

    /** The artists back from the two columns. */
    static List<String> artists(String artistLine, String artistNames) {
        if (artistNames != null) {
            return List.of(artistNames.split(EXACT_SEPARATOR, -1));
        }
        if (artistLine == null || artistLine.isEmpty()) {
            return List.of();
        }
        return List.of(artistLine.split(ARTIST_SEPARATOR, -1));
    }

    /**
     * The labels in the order the catalog keeps them: labels with a usable catalog number first (in
     * their order), then each other label name once, with a null catalog number. A placeholder such
     * as {@code none} is not a catalog number.
     */
    public static List<LabelCatalogNumber> canonicalLabels(List<LabelCatalogNumber> labels) {
        List<LabelCatalogNumber> numbered = new ArrayList<>(labels.size());
        Set<String> numberedNames = new LinkedHashSet<>();
        for (LabelCatalogNumber l : labels) {
            if (CatalogKeys.catalogNumber(l.catalogNumber()) != null) {
                numbered.add(l);
                numberedNames.add(l.label());
            }
        }
        if (numbered.size() == labels.size()) {
            return labels;
        }
        Set<String> others = new LinkedHashSet<>();
        for (LabelCatalogNumber l : labels) {
            if (l.label() != null && !l.label().isBlank() && CatalogKeys.catalogNumber(l.catalogNumber()) == null
                    && !numberedNames.contains(l.label())) {
                others.add(l.label());
            }
        }
        for (String name : others) {
            numbered.add(new LabelCatalogNumber(name, null));
        }
        return numbered;
    }

    /** The display string of the labels: distinct names joined with {@code ", "}. */
    static String labelLine(List<LabelCatalogNumber> labels) {
        Set<String> names = new LinkedHashSet<>();
        for (LabelCatalogNumber l : labels) {
            if (l.label() != null && !l.label().isBlank()) {
                names.add(l.label());
            }
        }
        return String.join(LIST_SEPARATOR, names);
    }

    /** The names of the labels without a catalog number (canonical labels), or null when there are none. */
    static String unnumberedLabels(List<LabelCatalogNumber> canonical) {
        List<String> names = new ArrayList<>();
        for (LabelCatalogNumber l : canonical) {
            if (l.catalogNumber() == null) {
                names.add(l.label());
            }
        }
        return names.isEmpty() ? null : String.join(EXACT_SEPARATOR, names);
    }

    /** A name safe for the exact lists: line feeds become spaces. */
    static String oneLine(String name) {
        return name == null || name.indexOf('\n') < 0 && name.indexOf('\r') < 0 ? name : name.replace('\r', ' ').replace('\n', ' ');
    }

    /** Digits only, as {@link Release#barcodes()} holds them. */
    public static String digits(String raw) {
        StringBuilder sb = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c >= '0' && c <= '9') {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
