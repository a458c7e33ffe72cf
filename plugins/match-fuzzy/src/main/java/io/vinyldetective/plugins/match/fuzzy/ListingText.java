package io.vinyldetective.plugins.match.fuzzy;

import io.vinyldetective.api.Listing;
import io.vinyldetective.api.TextKeys;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A listing's words as the fuzzy tier reads them: the title's words (every one must be explained by
 * the release, or be noise), the item specifics' artist, title and label words (extra evidence), and
 * whether the title was cut at the marketplace's length limit (then its last word may be partial).
 */
record ListingText(List<String> title, List<String> specifics, List<String> labelSpecifics, boolean truncated,
                   double[] extraWeights) {

    /** Marketplace titles are cut at 80 characters; a title this long may end in half a word. */
    static final int TRUNCATION_LENGTH = 78;

    static ListingText of(Listing listing) {
        List<String> specifics = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (Map.Entry<String, String> a : listing.aspects().entrySet()) {
            String name = a.getKey().toLowerCase(Locale.ROOT);
            if (name.contains("label")) {
                labels.addAll(TextKeys.words(a.getValue()));
            } else if (name.contains("artist") || name.contains("title") || name.contains("album")) {
                specifics.addAll(TextKeys.words(a.getValue()));
            }
        }
        String raw = listing.title().strip();
        return of(TextKeys.words(raw), specifics, labels, raw.length() >= TRUNCATION_LENGTH
                && Character.isLetterOrDigit(raw.charAt(raw.length() - 1)));
    }

    static ListingText of(List<String> title, List<String> specifics, List<String> labels, boolean truncated) {
        double[] extra = new double[title.size()];
        for (int i = 0; i < extra.length; i++) {
            extra[i] = SimilarityScorer.extraWeight(title.get(i), truncated && i == extra.length - 1);
        }
        return new ListingText(title, specifics, labels, truncated, extra);
    }

    /**
     * What the title word at {@code i} costs when no release word explains it: worked out once per
     * listing, not once per candidate (a misspelt noise word is looked for among all noise words).
     */
    double extraWeight(int i) {
        return extraWeights[i];
    }

    /**
     * Words worth a full-text query, longest first: not noise, stop words or numbers, and not the
     * possibly partial last word of a cut title.
     */
    List<String> queryTerms() {
        Set<String> terms = new LinkedHashSet<>();
        int last = truncated ? title.size() - 1 : title.size();
        for (int i = 0; i < last; i++) {
            addTerm(title.get(i), terms);
        }
        for (String w : specifics) {
            addTerm(w, terms);
        }
        List<String> sorted = new ArrayList<>(terms);
        sorted.sort((a, b) -> b.length() - a.length());
        return sorted;
    }

    private static void addTerm(String w, Set<String> terms) {
        if (TextKeys.isSearchWord(w)) {
            terms.add(w);
        }
    }
}
