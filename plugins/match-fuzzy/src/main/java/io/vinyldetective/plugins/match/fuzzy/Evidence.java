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

    private final Set<String> words;
    private final Set<String> catalogKeys;

    private Evidence(Set<String> words, Set<String> catalogKeys) {
        this.words = words;
        this.catalogKeys = catalogKeys;
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
        return new Evidence(words, keys);
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
            String key = CatalogKeys.catalogNumber(l.catalogNumber());
            if (key != null ? catalogKeys.contains(key) : !TextKeys.words(l.catalogNumber()).isEmpty()
                    && words.containsAll(TextKeys.words(l.catalogNumber()))) {
                return true;
            }
        }
        return false;
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
