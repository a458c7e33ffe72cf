package io.vinyldetective.engine.catalog;

import io.vinyldetective.api.TextKeys;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A release's name (artists and title) as the set of its words that a search can ask for, hashed to
 * one number ({@code discogs_releases.name_hash}, migration V17). A search whose words are all common
 * finds through it the releases named by exactly some of its words ("The Southern Signals – Lost
 * Mirror" for {@code southern signals lost mirror japan}), which the full-text index would list among
 * thousands that share the words in no particular order.
 *
 * <p>The words are those of {@link TextKeys#words} that are {@link TextKeys#isSearchWord search
 * words}, as a listing's search has them. Order and repeats do not count. The hash is 64-bit FNV-1a over the sorted words joined by spaces: it is stored, so it must
 * never change. That any two of a million names share a hash has odds of about 3 in 10^8, and such a
 * pair would only add a candidate that the ranking then places by its words.
 */
final class NameKey {

    /** Names with more words than this get no hash: no search asks for so many. */
    static final int MAX_WORDS = 10;
    /** At most this many of a search's optional words may be missing from a name it finds this way. */
    static final int MAX_LEFT_OUT = 3;
    /** Most optional words a search may have for the name look-up (the subsets grow fast). */
    static final int MAX_OPTIONS = 8;

    private NameKey() {
    }

    /** The hash of a release's name, or null when it has no words a search asks for, or too many. */
    static Long of(String artists, String title) {
        Set<String> words = new TreeSet<>();
        addKeyWords(artists, words);
        addKeyWords(title, words);
        return words.isEmpty() || words.size() > MAX_WORDS ? null : hash(words);
    }

    /**
     * The hashes of the names a search means: every required word and all but at most
     * {@value #MAX_LEFT_OUT} of the optional ones (at least one). Empty when a term has no word a name
     * key holds (it could not be checked), or there are more than {@value #MAX_OPTIONS} options.
     */
    static List<Long> searched(List<String> allOf, List<String> anyOf) {
        Set<String> required = new TreeSet<>();
        for (String term : allOf) {
            if (!addKeyWords(term, required)) {
                return List.of();
            }
        }
        List<Set<String>> options = new ArrayList<>();
        for (String term : anyOf) {
            Set<String> words = new TreeSet<>();
            if (addKeyWords(term, words)) {
                options.add(words);
            }
        }
        if (options.isEmpty() || options.size() > MAX_OPTIONS) {
            return List.of();
        }
        Set<Long> hashes = new LinkedHashSet<>();
        int n = options.size();
        int fewest = Math.max(1, n - MAX_LEFT_OUT);
        for (int mask = 1; mask < 1 << n; mask++) {
            if (Integer.bitCount(mask) < fewest) {
                continue;
            }
            Set<String> words = new TreeSet<>(required);
            for (int i = 0; i < n; i++) {
                if ((mask & 1 << i) != 0) {
                    words.addAll(options.get(i));
                }
            }
            if (words.size() <= MAX_WORDS) {
                hashes.add(hash(words));
            }
        }
        return List.copyOf(hashes);
    }

    /** Adds the text's key words; whether it had any. */
    private static boolean addKeyWords(String text, Set<String> into) {
        boolean any = false;
        for (String w : TextKeys.words(text == null ? "" : text)) {
            if (TextKeys.isSearchWord(w)) {
                into.add(w);
                any = true;
            }
        }
        return any;
    }

    /** 64-bit FNV-1a of the sorted words joined by single spaces (UTF-8). */
    private static long hash(Set<String> sortedWords) {
        long h = 0xcbf29ce484222325L;
        for (byte b : String.join(" ", sortedWords).getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        return h;
    }
}
