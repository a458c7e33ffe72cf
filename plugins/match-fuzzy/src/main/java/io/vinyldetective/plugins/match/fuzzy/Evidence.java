package io.vinyldetective.plugins.match.fuzzy;

import io.vinyldetective.api.CatalogKeys;
import io.vinyldetective.api.Release;
import io.vinyldetective.api.TextKeys;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Pressing details a listing names: a catalog number (also run together or split differently:
 * {@code lp001} = {@code LP-001}; placeholders such as {@code none} included), a label, a year, a
 * country. Used to pick among the pressings of one work, and between same-named works.
 */
final class Evidence {

    private static final int MAX_SPAN = 4;

    /** How Discogs prints the catalog number of a label that has none. */
    private static final String NO_NUMBER = "none";

    /** Digits in a word that make it a catalog number rather than a volume, a size or an opus. */
    private static final int CATALOG_DIGITS = 3;

    private final Set<String> words;
    private final Set<String> catalogKeys;
    private final Set<String> numbers;

    private Evidence(Set<String> words, Set<String> catalogKeys, Set<String> numbers) {
        this.words = words;
        this.catalogKeys = catalogKeys;
        this.numbers = numbers;
    }

    static Evidence of(ListingText text) {
        Set<String> words = new HashSet<>(text.title());
        words.addAll(text.labelSpecifics());
        Set<String> keys = new HashSet<>();
        List<String> t = text.title();
        for (int i = 0; i < t.size(); i++) {
            StringBuilder sb = new StringBuilder();
            for (int j = i; j < Math.min(t.size(), i + MAX_SPAN); j++) {
                sb.append(t.get(j));
                if (TextKeys.hasDigit(sb)) {
                    keys.add(CatalogKeys.catalogNumber(sb.toString()));
                }
            }
        }
        Set<String> numbers = new HashSet<>();
        int whole = text.truncated() ? t.size() - 1 : t.size(); // a cut title's last word may be half a year
        for (String w : t.subList(0, Math.max(0, whole))) {
            if (digits(w) >= CATALOG_DIGITS && !TextKeys.isYear(w) && !decade(w) && !TextKeys.isListingNoise(w)) {
                numbers.add(w);
            }
        }
        return new Evidence(words, keys, numbers);
    }

    /**
     * Whether the listing names a catalog number that none of these pressings carries: a word of three
     * or more digits that is not a year, not noise ({@code 180g}) and not part of the name. Then it lists another pressing, one
     * the catalog does not hold, and taking the look-alike would price the wrong record.
     */
    boolean namesAnotherCatalogNumber(List<Release> work) {
        if (numbers.isEmpty()) {
            return false;
        }
        Release any = work.get(0);
        Set<String> name = new HashSet<>(TextKeys.words(any.title()));
        any.artists().forEach(a -> name.addAll(TextKeys.words(a)));
        Set<String> printed = new HashSet<>();
        for (Release r : work) {
            for (Release.LabelCatalogNumber l : r.labels()) {
                name.addAll(TextKeys.words(l.label())); // "F-111 Records"
                String key = CatalogKeys.catalogNumber(l.catalogNumber());
                if (key != null && TextKeys.hasDigit(key)) {
                    printed.add(key);
                }
            }
            printed.addAll(r.barcodes());
        }
        if (printed.isEmpty()) {
            return false;
        }
        for (String n : numbers) {
            // A part is enough: a title cut at 80 characters, or a number written in pieces.
            String upper = n.toUpperCase(java.util.Locale.ROOT);
            if (!name.contains(n) && printed.stream().noneMatch(p -> p.contains(upper))) {
                return true;
            }
        }
        return false;
    }

    private static int digits(String w) {
        int n = 0;
        for (int i = 0; i < w.length(); i++) {
            n += Character.isDigit(w.charAt(i)) ? 1 : 0;
        }
        return n;
    }

    /** {@code 1970s}, {@code 80s}. */
    private static boolean decade(String w) {
        return w.endsWith("s") && TextKeys.isYear(w.substring(0, w.length() - 1));
    }

    /** Whether the listing names any detail of this pressing. */
    boolean names(Release r) {
        return catalogNumber(r) || label(r) || year(r) || country(r);
    }

    /** Keeps the pressings whose catalog number, label, year or country the listing names, each step only when any does. */
    List<Release> narrow(List<Release> pressings) {
        List<Release> out = keepIfAny(pressings, this::catalogNumber);
        out = keepIfAny(out, this::label);
        out = keepIfAny(out, this::year);
        return keepIfAny(out, this::country);
    }

    boolean catalogNumber(Release r) {
        for (Release.LabelCatalogNumber l : r.labels()) {
            String printed = printed(r, l);
            String key = CatalogKeys.catalogNumber(printed);
            if (key != null ? catalogKeys.contains(key) : !TextKeys.words(printed).isEmpty()
                    && words.containsAll(TextKeys.words(printed))) {
                return true;
            }
        }
        return false;
    }

    /**
     * A label's catalog number as a listing may write it: {@code none} for a label without a number,
     * as Discogs prints it and sellers copy it ({@code NONE} in a title), unless "none" is a word of
     * the release's name.
     */
    static String printed(Release r, Release.LabelCatalogNumber l) {
        return l.catalogNumber() == null && !nameHasNone(r) ? NO_NUMBER : l.catalogNumber();
    }

    /** Whether "none" is a word of the release's name ("None Shall Pass"): then it says nothing of the pressing. */
    private static boolean nameHasNone(Release r) {
        if (TextKeys.words(r.title()).contains(NO_NUMBER)) {
            return true;
        }
        return r.artists().stream().anyMatch(a -> TextKeys.words(a).contains(NO_NUMBER));
    }

    boolean label(Release r) {
        return r.labels().stream().anyMatch(l -> !TextKeys.nameWords(l.label()).isEmpty()
                && TextKeys.coverage(TextKeys.nameWords(l.label()), words) >= 0.99);
    }

    boolean year(Release r) {
        return r.year() != null && words.contains(r.year().toString());
    }

    boolean country(Release r) {
        return r.country() != null && !TextKeys.words(r.country()).isEmpty()
                && words.containsAll(TextKeys.words(r.country()));
    }

    private static List<Release> keepIfAny(List<Release> in, Predicate<Release> p) {
        List<Release> kept = in.stream().filter(p).toList();
        return kept.isEmpty() ? in : kept;
    }
}
