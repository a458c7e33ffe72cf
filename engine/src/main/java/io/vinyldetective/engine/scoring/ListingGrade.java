package io.vinyldetective.engine.scoring;

import static io.vinyldetective.api.Grade.FAIR;
import static io.vinyldetective.api.Grade.GOOD;
import static io.vinyldetective.api.Grade.GOOD_PLUS;
import static io.vinyldetective.api.Grade.MINT;
import static io.vinyldetective.api.Grade.NEAR_MINT;
import static io.vinyldetective.api.Grade.POOR;
import static io.vinyldetective.api.Grade.VERY_GOOD;
import static io.vinyldetective.api.Grade.VERY_GOOD_PLUS;
import static java.util.Map.entry;

import io.vinyldetective.api.Grade;
import io.vinyldetective.api.Listing;
import io.vinyldetective.api.TextKeys;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A listing's media condition as a Discogs grade, read from (first that gives one):
 * <ol>
 *   <li>the item specific {@code Record Grading} or {@code Media Condition} (a Discogs name such as
 *       {@code Near Mint (NM or M-)}, or any grade word below);</li>
 *   <li>grade words in the title;</li>
 *   <li>the marketplace condition: {@code New} / {@code Brand New} (id {@code 1000}) is {@link Grade#MINT};
 *       {@code Pre-owned} / {@code Used} says nothing.</li>
 * </ol>
 *
 * <p>Title words are whole tokens, case-insensitive ({@code vgoodies} is not {@code vg}). Where the
 * marketplace's scale is finer than Discogs', the word maps to the grade at or below it, so a reference
 * price is never raised by a guess:
 * <table>
 *   <caption>Title words</caption>
 *   <tr><td>{@code sealed}</td><td>MINT (not after {@code not}, {@code no}, {@code never}, {@code was}, nor in
 *       "Signed, Sealed &amp; Delivered")</td></tr>
 *   <tr><td>{@code M-}, {@code Mint-}, {@code NM}, {@code NM-}, {@code NM+}, {@code Near Mint}</td><td>NEAR_MINT</td></tr>
 *   <tr><td>{@code VG+}, {@code VG++}, {@code Very Good Plus}, {@code EX}, {@code EX+}, {@code EX-}, {@code EXC}</td>
 *       <td>VERY_GOOD_PLUS (VG++ and EX sit between VG+ and NM)</td></tr>
 *   <tr><td>{@code VG}, {@code Very Good}, {@code VGC}</td><td>VERY_GOOD ({@code VGC}, "very good
 *       condition", is loose UK usage: read literally)</td></tr>
 *   <tr><td>{@code VG-}, {@code G+}, {@code Good Plus}</td><td>GOOD_PLUS</td></tr>
 * </table>
 * Plain words that also name records ({@code Mint} MINT, {@code Excellent} VERY_GOOD_PLUS, {@code Good}
 * GOOD, {@code Fair}, {@code Poor}) count only next to a label word ({@code vinyl mint}), before
 * {@code condition}, or in {@code A/B} shorthand: "Good Times" is a title, "Good condition" a grade. The
 * letters {@code M} and {@code G} count only in shorthand ({@code M/NM}, {@code VG+/G}): "Dial M", "180 g".
 *
 * <p>When the title grades more than one thing ({@code VG+/VG}, {@code Vinyl VG+ Sleeve NM}), a grade
 * labelled by {@code vinyl}, {@code media}, {@code record}, {@code disc} or {@code wax} wins; grades
 * labelled {@code sleeve}, {@code cover} or {@code jacket} are ignored; otherwise the lowest grade is taken.
 * Labels stand on the same side of every grade in a title: before when the title's first label comes
 * before its first grade ({@code Vinyl VG+ Sleeve NM}), else after ({@code VG+ vinyl, NM sleeve}).
 */
public final class ListingGrade {

    /** Item specifics that grade the media, in the order they are read. */
    static final List<String> GRADE_ASPECTS = List.of("Record Grading", "Media Condition");

    /** Tokens that name a grade wherever they stand. */
    private static final Map<String, Grade> MARKS = Map.ofEntries(
            entry("sealed", MINT),
            entry("m-", NEAR_MINT), entry("mint-", NEAR_MINT),
            entry("nm", NEAR_MINT), entry("nm-", NEAR_MINT), entry("nm+", NEAR_MINT),
            entry("vg+", VERY_GOOD_PLUS), entry("ex", VERY_GOOD_PLUS), entry("ex+", VERY_GOOD_PLUS),
            entry("ex-", VERY_GOOD_PLUS), entry("exc", VERY_GOOD_PLUS),
            entry("vg", VERY_GOOD), entry("vgc", VERY_GOOD),
            entry("vg-", GOOD_PLUS), entry("g+", GOOD_PLUS), entry("good+", GOOD_PLUS));

    /** Words that name a grade only in context (see the class comment), or anywhere in an item specific. */
    private static final Map<String, Grade> WORDS = Map.of(
            "mint", MINT, "excellent", VERY_GOOD_PLUS, "good", GOOD, "fair", FAIR, "poor", POOR);
    /** Letters that name a grade only in {@code A/B} shorthand ({@code 180 g vinyl} is a weight), or in an item specific. */
    private static final Map<String, Grade> LETTERS = Map.of("m", MINT, "g", GOOD);

    private static final Set<String> MEDIA = Set.of("vinyl", "media", "record", "disc", "disk", "wax");
    private static final Set<String> SLEEVE = Set.of("sleeve", "sleeves", "cover", "jacket");
    /** Words allowed between a label and its grade: {@code vinyl is in VG+}, {@code sleeve condition: NM}. */
    private static final Set<String> FILLERS = Set.of("is", "in", "grade", "graded", "condition", "cond");
    private static final Set<String> CONDITION = Set.of("condition", "cond", "shape");
    private static final Set<String> NOT_SEALED_AFTER = Set.of("not", "no", "never", "was", "signed");

    private enum Part { MEDIA, SLEEVE, NONE }

    private record Mention(int at, Grade grade) {
    }

    private ListingGrade() {
    }

    /** The listing's media grade, or empty when nothing says. */
    public static Optional<Grade> of(Listing listing) {
        for (String name : GRADE_ASPECTS) {
            String value = listing.aspect(name);
            if (value == null) {
                continue;
            }
            Grade named = Grade.fromDiscogsName(value);
            Optional<Grade> grade = named != null ? Optional.of(named) : inText(value, true);
            if (grade.isPresent()) {
                return grade;
            }
        }
        Optional<Grade> title = inText(listing.title(), false);
        if (title.isPresent()) {
            return title;
        }
        String condition = listing.condition() == null ? "" : listing.condition().strip();
        if ("1000".equals(listing.conditionId()) || condition.equalsIgnoreCase("new")
                || condition.equalsIgnoreCase("brand new")) {
            return Optional.of(MINT);
        }
        return Optional.empty();
    }

    /** The media grade a text gives; {@code anyWord} lets plain words count without context. */
    static Optional<Grade> inText(String text, boolean anyWord) {
        List<String> tokens = tokens(text);
        List<Mention> mentions = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            Grade grade = grade(tokens, i, anyWord);
            if (grade != null) {
                mentions.add(new Mention(i, grade));
            }
        }
        if (mentions.isEmpty()) {
            return Optional.empty();
        }
        int firstLabel = 0;
        while (firstLabel < tokens.size() && label(tokens.get(firstLabel)) == Part.NONE) {
            firstLabel++;
        }
        int side = firstLabel < mentions.get(0).at() ? -1 : 1;
        Grade media = null;
        Grade unlabelled = null;
        for (Mention m : mentions) {
            switch (labelOf(tokens, m.at(), side)) {
                case MEDIA -> media = lower(media, m.grade());
                case NONE -> unlabelled = lower(unlabelled, m.grade());
                case SLEEVE -> { }
            }
        }
        return Optional.ofNullable(media != null ? media : unlabelled);
    }

    private static Grade grade(List<String> tokens, int i, boolean anyWord) {
        String token = tokens.get(i);
        Grade mark = MARKS.get(token);
        if (mark != null) {
            boolean notSealed = token.equals("sealed") && i > 0 && NOT_SEALED_AFTER.contains(tokens.get(i - 1));
            return notSealed ? null : mark;
        }
        Grade letter = LETTERS.get(token);
        if (letter != null) {
            return anyWord || inShorthand(tokens, i) ? letter : null;
        }
        Grade word = WORDS.get(token);
        if (word == null) {
            return null;
        }
        boolean inContext = anyWord || inShorthand(tokens, i) || CONDITION.contains(at(tokens, i + 1))
                || labelOf(tokens, i, -1) != Part.NONE || labelOf(tokens, i, 1) != Part.NONE;
        return inContext ? word : null;
    }

    /** Whether the token is one side of {@code A/B} with a grade on the other. */
    private static boolean inShorthand(List<String> tokens, int i) {
        return at(tokens, i - 1).equals("/") && isGrade(at(tokens, i - 2))
                || at(tokens, i + 1).equals("/") && isGrade(at(tokens, i + 2));
    }

    private static boolean isGrade(String token) {
        return MARKS.containsKey(token) || WORDS.containsKey(token) || LETTERS.containsKey(token);
    }

    /** The label next to a grade on one side ({@code -1} before, {@code 1} after), skipping filler words. */
    private static Part labelOf(List<String> tokens, int at, int side) {
        int i = at + side;
        while (FILLERS.contains(at(tokens, i))) {
            i += side;
        }
        return label(at(tokens, i));
    }

    private static Part label(String token) {
        return MEDIA.contains(token) ? Part.MEDIA : SLEEVE.contains(token) ? Part.SLEEVE : Part.NONE;
    }

    private static String at(List<String> tokens, int i) {
        return i >= 0 && i < tokens.size() ? tokens.get(i) : "";
    }

    private static Grade lower(Grade a, Grade b) {
        return a == null || b.compareTo(a) > 0 ? b : a;
    }

    /**
     * Folded words with grade suffixes kept: {@code VG++} gives {@code vg+}, {@code VG +} and
     * {@code VG plus} give {@code vg+}, {@code Near Mint} gives {@code nm}, {@code Very Good} gives
     * {@code vg}; a slash is a token of its own. A hyphen is a suffix only at the end of a word
     * ({@code NM-}), else a separator ({@code a-ha}).
     */
    static List<String> tokens(String text) {
        String folded = TextKeys.fold(text);
        List<String> raw = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (int i = 0; i < folded.length(); i++) {
            char c = folded.charAt(i);
            boolean nextIsWord = i + 1 < folded.length() && Character.isLetterOrDigit(folded.charAt(i + 1));
            if (Character.isLetterOrDigit(c)) {
                current.append(c);
            } else if ((c == '\'' || c == '’') && current.length() > 0 && nextIsWord) {
                continue; // inside a word: ex's is one word
            } else if (c == '+' || (c == '-' && current.length() > 0 && !nextIsWord)) {
                current.append(c);
            } else {
                flush(current, raw);
                if (c == '/') {
                    raw.add("/");
                }
            }
        }
        flush(current, raw);
        List<String> tokens = new ArrayList<>();
        for (String t : raw) {
            String suffix = t.equals("+") || t.equals("plus") ? "+" : t.equals("minus") ? "-" : null;
            int last = tokens.size() - 1;
            if (suffix != null && last >= 0 && MARKS.containsKey(tokens.get(last) + suffix)) {
                tokens.set(last, tokens.get(last) + suffix);
            } else if (last >= 0 && phrase(tokens.get(last), t) != null) {
                tokens.set(last, phrase(tokens.get(last), t));
            } else {
                tokens.add(t);
            }
        }
        return tokens;
    }

    /** {@code near mint} as {@code nm}, {@code very good} as {@code vg}, each with the second word's suffix. */
    private static String phrase(String first, String second) {
        int end = second.length();
        while (end > 0 && (second.charAt(end - 1) == '+' || second.charAt(end - 1) == '-')) {
            end--;
        }
        String base = second.substring(0, end);
        String suffix = second.substring(end);
        if (first.equals("near") && base.equals("mint")) {
            return "nm" + suffix;
        }
        if (first.equals("very") && base.equals("good")) {
            return "vg" + suffix;
        }
        return null;
    }

    private static void flush(StringBuilder current, List<String> into) {
        if (current.length() > 0) {
            String t = current.toString();
            // VG++ is VG+, NM-- is NM-
            while (t.length() >= 2 && t.charAt(t.length() - 1) == t.charAt(t.length() - 2)
                    && (t.endsWith("+") || t.endsWith("-"))) {
                t = t.substring(0, t.length() - 1);
            }
            into.add(t);
            current.setLength(0);
        }
    }
}
