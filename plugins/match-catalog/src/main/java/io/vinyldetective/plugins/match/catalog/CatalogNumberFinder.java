package io.vinyldetective.plugins.match.catalog;

import io.vinyldetective.api.CatalogKeys;
import io.vinyldetective.api.Listing;
import io.vinyldetective.api.TextKeys;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Finds the pieces of a listing that may be catalog numbers, without a pattern for what a catalog
 * number looks like (they are too varied: {@code BLP 1577}, {@code CDP 7 46095 2}, {@code 6360 794},
 * {@code MOVLP1234}, {@code ECM 1065 ST}).
 *
 * <p>The title is cut into words at spaces and into segments at brackets, commas, slashes and
 * semicolons. A word is <em>numeric</em> when it holds a digit (but is not a year, an ordinal such
 * as {@code 1st}, or a size/speed/weight such as {@code 180g}, {@code 12"}, {@code 45rpm}) and a
 * <em>prefix word</em> when it is letters only and short ({@code BLP}, {@code SHVL}, {@code ST}).
 * Every run of up to {@code maxWords} words inside one segment that has at least one numeric word,
 * and prefix words only at its ends (one at each end at most), is a candidate; its key is
 * {@link CatalogKeys#catalogNumber}. The catalog decides which candidates are real. Item specifics
 * named like a catalog number come first; then longer keys (more specific) before shorter ones.
 * Linear in the title's length; no regular expressions.
 */
final class CatalogNumberFinder {

    /** A possible catalog number: the text as written and its comparison key. */
    record Candidate(String text, String key, boolean fromItemSpecifics) {
    }

    private static final int MAX_PREFIX_LETTERS = 6;
    private static final int MIN_KEY = 2;
    private static final int MAX_KEY = 24;

    private final int maxWords;

    CatalogNumberFinder(int maxWords) {
        this.maxWords = maxWords;
    }

    List<Candidate> find(Listing listing) {
        Map<String, Candidate> byKey = new LinkedHashMap<>();
        for (Map.Entry<String, String> aspect : listing.aspects().entrySet()) {
            if (isCatalogNumberAspect(aspect.getKey())) {
                String key = CatalogKeys.catalogNumber(aspect.getValue());
                if (key != null && key.length() >= MIN_KEY && key.length() <= MAX_KEY) {
                    byKey.putIfAbsent(key, new Candidate(aspect.getValue().strip(), key, true));
                }
            }
        }
        List<Candidate> fromTitle = new ArrayList<>();
        for (List<String> segment : segments(listing.title())) {
            collect(segment, fromTitle);
        }
        fromTitle.sort(Comparator.comparingInt((Candidate c) -> c.key().length()).reversed());
        for (Candidate c : fromTitle) {
            byKey.putIfAbsent(c.key(), c);
        }
        return new ArrayList<>(byKey.values());
    }

    static boolean isCatalogNumberAspect(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.contains("catalog") || n.contains("catalogue") || n.equals("cat no") || n.equals("cat. no.")
                || n.equals("cat #") || n.equals("cat#") || n.equals("catno") || n.equals("cat. no");
    }

    private void collect(List<String> words, List<Candidate> out) {
        int n = words.size();
        char[] kind = new char[n];
        for (int i = 0; i < n; i++) {
            kind[i] = classify(words.get(i));
        }
        for (int start = 0; start < n; start++) {
            if (kind[start] == 'X') {
                continue;
            }
            boolean hasNumber = false;
            for (int end = start; end < n && end - start < maxWords; end++) {
                char k = kind[end];
                if (k == 'X' || (k == 'A' && end > start && !hasNumber)) {
                    break; // not a catalog-number word, or two prefix words in a row
                }
                hasNumber |= k == 'N';
                if (hasNumber) {
                    emit(words, start, end, out);
                }
                if (k == 'A' && end > start) {
                    break; // a trailing prefix word closes the run
                }
            }
        }
    }

    private static void emit(List<String> words, int start, int end, List<Candidate> out) {
        String text = String.join(" ", words.subList(start, end + 1));
        String key = CatalogKeys.catalogNumber(text);
        if (acceptable(key, end == start)) {
            out.add(new Candidate(text, key, false));
        }
    }

    private static boolean acceptable(String key, boolean singleWord) {
        if (key == null || key.length() < MIN_KEY || key.length() > MAX_KEY) {
            return false;
        }
        if (singleWord && TextKeys.isYear(key)) {
            return false;
        }
        boolean allDigits = true;
        for (int i = 0; i < key.length(); i++) {
            allDigits &= Character.isDigit(key.charAt(i));
        }
        return !(allDigits && key.length() >= 12); // a barcode, for the barcode tier
    }

    /** 'N' numeric word, 'A' prefix word, 'X' anything else (breaks a run). */
    private static char classify(String word) {
        String folded = TextKeys.fold(word);
        boolean digit = false;
        boolean letter = false;
        for (int i = 0; i < folded.length(); i++) {
            char c = folded.charAt(i);
            digit |= Character.isDigit(c);
            letter |= Character.isLetter(c);
        }
        if (digit) {
            return isMeasureOrOrdinal(folded) ? 'X' : 'N';
        }
        if (letter && isAllLetters(folded) && folded.length() <= MAX_PREFIX_LETTERS) {
            return 'A';
        }
        return 'X';
    }

    private static boolean isAllLetters(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (!Character.isLetter(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** {@code 1st}, {@code 2nd}, {@code 180g}, {@code 180gr}, {@code 12"}, {@code 45rpm}, {@code 2lp}, {@code 2x}. */
    private static boolean isMeasureOrOrdinal(String w) {
        int i = 0;
        while (i < w.length() && Character.isDigit(w.charAt(i))) {
            i++;
        }
        if (i == 0 || i > 3) {
            return false;
        }
        String rest = w.substring(i);
        switch (rest) {
            case "st": case "nd": case "rd": case "th": case "g": case "gr": case "gram": case "\"": case "''":
            case "in": case "inch": case "rpm": case "lp": case "lps": case "cd": case "cds": case "x": case "xlp":
            case "xcd": case "\"lp":
                return true;
            default:
                return false;
        }
    }

    /** The title's segments (split at brackets, commas, slashes, semicolons, pipes), each a list of words. */
    static List<List<String>> segments(String title) {
        List<List<String>> segments = new ArrayList<>();
        List<String> current = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        for (int i = 0; i <= title.length(); i++) {
            char c = i < title.length() ? title.charAt(i) : ' ';
            boolean breaker = "()[]{},;/|".indexOf(c) >= 0;
            if (Character.isWhitespace(c) || breaker) {
                if (word.length() > 0) {
                    current.add(word.toString());
                    word.setLength(0);
                }
                if (breaker && !current.isEmpty()) {
                    segments.add(current);
                    current = new ArrayList<>();
                }
            } else {
                word.append(c);
            }
        }
        if (!current.isEmpty()) {
            segments.add(current);
        }
        return segments;
    }
}
