package io.vinyldetective.api;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A listing's words as matchers weigh them ({@link TextKeys#words folded}): the title's, in order, and
 * the set of every word of the title plus the artist, title, album and label item specifics.
 *
 * @param title the title's words, in order
 * @param all   the title's words and those of the naming item specifics
 * @since 1.0.0
 */
public record ListingWords(List<String> title, Set<String> all) {

    public ListingWords {
        title = List.copyOf(title);
        all = Set.copyOf(all);
    }

    public static ListingWords of(Listing listing) {
        List<String> title = TextKeys.words(listing.title());
        Set<String> all = new HashSet<>(title);
        for (Map.Entry<String, String> a : listing.aspects().entrySet()) {
            String name = a.getKey().toLowerCase(Locale.ROOT);
            if (name.contains("artist") || name.contains("title") || name.contains("album") || name.contains("label")) {
                all.addAll(TextKeys.words(a.getValue()));
            }
        }
        return new ListingWords(title, all);
    }

    /** Title words that could name a record: not {@linkplain TextKeys#isListingNoise noise}, numbers, stop words or single letters. */
    public int contentWords() {
        return contentWordsBesides(Set.of());
    }

    /** As {@link #contentWords()}, not counting the given words (e.g. those of a catalog number). */
    public int contentWordsBesides(Set<String> excluded) {
        int n = 0;
        for (String w : title) {
            if (!excluded.contains(w) && !TextKeys.isListingNoise(w) && !TextKeys.STOP_WORDS.contains(w)
                    && !TextKeys.hasDigit(w) && w.length() > 1) {
                n++;
            }
        }
        return n;
    }
}
