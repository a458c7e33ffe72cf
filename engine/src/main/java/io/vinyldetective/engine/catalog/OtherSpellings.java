package io.vinyldetective.engine.catalog;

import io.vinyldetective.api.TextKeys;
import java.text.Normalizer;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The {@code spellings} column of a release: the words matchers compare ({@link TextKeys#words}) that
 * the full-text tokenizer does not produce from the release's own text, so a search for them finds the
 * release. Cyrillic and Greek words in Latin letters and their {@link TextKeys#spellingKey spelling
 * keys}; letters the tokenizer keeps ({@code ø}, {@code ß}, {@code ł}); words it splits ({@code don't}).
 */
final class OtherSpellings {

    private OtherSpellings() {
    }

    /** The spellings of these texts (artists, title, labels) joined by spaces, or null when there are none. */
    static String of(String... texts) {
        Set<String> out = new LinkedHashSet<>();
        for (String text : texts) {
            if (text == null || text.isEmpty() || plain(text)) {
                continue;
            }
            boolean otherScript = TextKeys.hasOtherScript(text);
            Set<String> tokens = tokens(text);
            for (String w : TextKeys.words(text)) {
                if (tokens.contains(w) || TextKeys.STOP_WORDS.contains(w)) {
                    continue;
                }
                out.add(w);
                if (otherScript) {
                    out.add(TextKeys.spellingKey(w));
                }
            }
        }
        return out.isEmpty() ? null : String.join(" ", out);
    }

    /** Printable ASCII without apostrophes or dots: the tokenizer's words are the matchers' words. */
    static boolean plain(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < ' ' || c > '~' || c == '\'' || c == '.') {
                return false;
            }
        }
        return true;
    }

    /** Roughly what {@code unicode61 remove_diacritics 2} makes of the text. */
    private static Set<String> tokens(String text) {
        String s = Normalizer.normalize(text, Normalizer.Form.NFD);
        Set<String> tokens = new HashSet<>();
        StringBuilder current = new StringBuilder();
        for (int i = 0; i <= s.length(); i++) {
            char c = i < s.length() ? s.charAt(i) : ' ';
            if (Character.getType(c) == Character.NON_SPACING_MARK) {
                continue;
            }
            if (Character.isLetterOrDigit(c)) {
                current.append(Character.toLowerCase(c));
            } else if (current.length() > 0) {
                tokens.add(current.toString());
                current.setLength(0);
            }
        }
        return tokens;
    }
}
