package io.vinyldetective.plugins.match.barcode;

import io.vinyldetective.api.Listing;
import io.vinyldetective.api.TextKeys;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** A listing's words: the title's, plus those of the artist, title and label item specifics. */
record ListingWords(List<String> title, Set<String> all) {

    static ListingWords of(Listing listing) {
        List<String> title = TextKeys.words(listing.title());
        Set<String> all = new HashSet<>(title);
        for (Map.Entry<String, String> a : listing.aspects().entrySet()) {
            String name = a.getKey().toLowerCase(Locale.ROOT);
            if (name.contains("artist") || name.contains("title") || name.contains("album")
                    || name.contains("label")) {
                all.addAll(TextKeys.words(a.getValue()));
            }
        }
        return new ListingWords(title, all);
    }

    /** Title words that could name a record (not noise, numbers or stop words). */
    int contentWords() {
        int n = 0;
        for (String w : title) {
            if (!TextKeys.isListingNoise(w) && !TextKeys.STOP_WORDS.contains(w)
                    && !TextKeys.hasDigit(w) && w.length() > 1) {
                n++;
            }
        }
        return n;
    }
}
