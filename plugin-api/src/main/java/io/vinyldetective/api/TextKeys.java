package io.vinyldetective.api;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * How free text (listing titles, artist and release names) is normalised, so every matcher and the
 * catalog's full-text index compare the same words: lower case, diacritics folded
 * ({@code Motörhead} = {@code motorhead}, {@code Østergaard} = {@code ostergaard}), {@code &} read as
 * {@code and}, punctuation dropped. JDK only, no regular expressions.
 *
 * @since 1.0.0
 */
public final class TextKeys {

    /** Short words that carry no identity: never query terms, never evidence on their own. */
    public static final Set<String> STOP_WORDS = Set.of("the", "a", "an", "and", "of", "at", "by", "in", "on",
            "to", "for", "with", "from", "de", "la", "le", "les", "el", "der", "die", "das", "von", "vol", "volume");

    /**
     * Words marketplace sellers add around a record's name that say nothing about which record it is:
     * grading ({@code VG+}, {@code NM}), format and packaging ({@code LP}, {@code 180g}, {@code gatefold},
     * {@code sealed}), pressing talk ({@code 1st press}, {@code reissue}, {@code promo}) and countries.
     * Matchers use them to explain a title's words, never as evidence.
     */
    private static final Set<String> LISTING_NOISE = Set.of(
            // grading and condition
            "m", "nm", "vg", "ex", "g", "vgc", "exc", "mint", "near", "good", "excellent", "fair", "poor",
            "condition", "played", "unplayed", "clean", "nice", "great", "tested", "used", "new", "sealed",
            "unopened", "shrink", "shrinkwrap", "wrap", "hype", "sticker", "opened", "still", "minty",
            // format and packaging
            "lp", "lps", "ep", "cd", "cds", "vinyl", "vinyls", "record", "records", "album", "albums", "single",
            "12", "7", "10", "inch", "12inch", "7inch", "rpm", "33", "45", "78", "33rpm", "45rpm", "180g", "180",
            "200g", "gram", "grams", "gr", "heavyweight", "2lp", "3lp", "2xlp", "2cd", "2x", "x2", "box", "boxset",
            "cassette", "tape", "disc", "discs", "compact", "mc", "colored", "coloured", "color", "colour", "splatter",
            "marbled", "picture", "pic", "limited", "ltd", "edition", "numbered", "deluxe", "expanded",
            "gatefold", "gf", "insert", "inserts", "inner", "sleeve", "obi", "w", "cover", "jacket",
            "stereo", "mono", "audiophile", "lyric", "lyrics", "poster", "booklet", "digipak", "jewel", "case",
            // other formats named beside the real one: "mini LP sleeve" on a CD, "+ bonus CD" with an LP
            "mini", "replica", "bonus", "not", "tracks",
            // pressing talk and selling talk
            "remaster", "remastered", "reissue", "repress", "reprint", "press", "pressing", "pressed", "first",
            "1st", "2nd", "3rd", "original", "orig", "og", "promo", "promotional", "dj", "copy", "import",
            "rare", "htf", "oop", "vintage", "free", "shipping", "fast", "nos", "version", "uk", "us", "usa",
            // countries and regions as pressings name them
            "europe", "eu", "euro", "european", "german", "germany", "japan", "japanese", "jp", "jpn", "france",
            "french", "italy", "italian", "netherlands", "dutch", "holland", "canada", "canadian", "brazil",
            "brazilian", "australia", "australian", "spain", "spanish", "sweden", "swedish", "mexico",
            "argentina", "korea", "greece", "portugal", "belgium", "austria", "scandinavia", "russia", "ussr",
            "yugoslavia", "poland", "india", "taiwan", "nz", "zealand", "africa", "uk1st", "us1st", "switzerland",
            "swiss", "israel", "denmark", "danish", "norway", "norwegian", "finland", "finnish", "czech",
            "czechoslovakia", "hungary", "romania", "bulgaria", "ireland", "irish", "ukraine", "serbia", "croatia",
            "slovenia", "lithuania", "latvia", "estonia", "iceland", "chile", "colombia", "venezuela", "peru",
            "uruguay", "philippines", "singapore", "malaysia", "indonesia", "thailand");

    private TextKeys() {
    }

    /** Every marketplace noise word (unmodifiable), for matchers that also forgive typos in them. */
    public static Set<String> listingNoise() {
        return LISTING_NOISE;
    }

    /** Whether a folded word is marketplace noise (grading, format, pressing talk, country); see the list above. */
    public static boolean isListingNoise(String word) {
        return LISTING_NOISE.contains(word);
    }

    /**
     * Whether a folded word is one a name search asks for: two characters or more, no digit, not a
     * stop word, not marketplace noise. Matchers build their catalog searches from such words, and the
     * engine's catalog keys release names by the same words, so the two agree.
     *
     * @since 1.5.0
     */
    public static boolean isSearchWord(String word) {
        return word.length() >= 2 && !STOP_WORDS.contains(word) && !isListingNoise(word) && !hasDigit(word);
    }

    /**
     * How much of a name is present among some words: the share of the name's characters (stop words
     * count one character) whose word occurs in {@code words}. {@code 1.0} means every word is there;
     * an empty name gives 0.
     */
    public static double coverage(List<String> nameWords, java.util.Collection<String> words) {
        int total = 0;
        int found = 0;
        for (String w : nameWords) {
            int weight = STOP_WORDS.contains(w) ? 1 : w.length();
            total += weight;
            if (words.contains(w)) {
                found += weight;
            }
        }
        return total == 0 ? 0 : (double) found / total;
    }

    /**
     * Lower case with diacritics and ligatures folded to ASCII letters where there is an obvious
     * equivalent ({@code é} to {@code e}, {@code ø} to {@code o}, {@code ß} to {@code ss}), and Cyrillic
     * and Greek written in Latin letters the way most sellers type them ({@code Ласковый Май} to
     * {@code laskovyy may}, {@code Μαρούδας} to {@code maroudas}; see {@link #spellingKey} for the other
     * ways); other characters are kept.
     *
     * @since 1.0.0; Cyrillic and Greek since 1.4.0
     */
    public static String fold(String text) {
        if (text == null) {
            return "";
        }
        if (ascii(text)) {
            return text.toLowerCase(Locale.ROOT); // most text: nothing to decompose, transliterate or fold
        }
        String decomposed = Normalizer.normalize(Script.toLatin(text), Normalizer.Form.NFD);
        StringBuilder sb = new StringBuilder(decomposed.length());
        for (int i = 0; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            if (Character.getType(c) == Character.NON_SPACING_MARK) {
                continue;
            }
            switch (c) {
                case 'ø': case 'Ø': sb.append('o'); break;
                case 'æ': case 'Æ': sb.append("ae"); break;
                case 'œ': case 'Œ': sb.append("oe"); break;
                case 'ß': sb.append("ss"); break;
                case 'ł': case 'Ł': sb.append('l'); break;
                case 'đ': case 'Đ': sb.append('d'); break;
                case 'þ': case 'Þ': sb.append("th"); break;
                case 'ı': sb.append('i'); break;
                default: sb.append(Character.toLowerCase(c));
            }
        }
        return sb.toString().toLowerCase(Locale.ROOT);
    }

    /**
     * The words of a text after {@link #fold}: runs of letters and digits; {@code &} and {@code +}
     * between words become {@code and}; apostrophes and dots inside a word are dropped
     * ({@code don't} = {@code dont}, {@code u.k.} = {@code uk}). Never null.
     */
    public static List<String> words(String text) {
        String folded = fold(text);
        List<String> words = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (int i = 0; i < folded.length(); i++) {
            char c = folded.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                current.append(c);
            } else if ((c == '\'' || c == '’' || c == '.') && current.length() > 0 && i + 1 < folded.length()
                    && Character.isLetter(folded.charAt(i + 1))) {
                continue; // inside a word: don't, u.k.
            } else {
                flush(current, words);
                if (c == '&') {
                    words.add("and");
                }
            }
        }
        flush(current, words);
        return words;
    }

    /**
     * A name without Discogs' disambiguation suffix: {@code Hugo White (2)} gives {@code Hugo White}.
     * Other brackets are kept.
     */
    public static String withoutDisambiguation(String name) {
        if (name == null) {
            return "";
        }
        String s = name.strip();
        if (s.endsWith(")")) {
            int open = s.lastIndexOf('(');
            if (open > 0 && open < s.length() - 2) {
                boolean digits = true;
                for (int i = open + 1; i < s.length() - 1; i++) {
                    digits &= Character.isDigit(s.charAt(i));
                }
                if (digits) {
                    return s.substring(0, open).strip();
                }
            }
        }
        return s;
    }

    /**
     * The words of a name as matchers compare them: disambiguation suffix dropped, then
     * {@link #words}, then a leading {@code the} dropped ({@code The Beatles} = {@code Beatles}).
     */
    public static List<String> nameWords(String name) {
        List<String> words = words(withoutDisambiguation(name));
        if (words.size() > 1 && words.get(0).equals("the")) {
            return words.subList(1, words.size());
        }
        return words;
    }

    /** A name's comparison key: {@link #nameWords} joined by single spaces. */
    public static String nameKey(String name) {
        return String.join(" ", nameWords(name));
    }

    /**
     * A folded word with the letters that spellings of other scripts disagree on made the same, so
     * {@code laskovyy}, {@code laskovij} and {@code laskovyi} (Ласковый) share a key, as do
     * {@code kontserty} and {@code koncerty}: {@code y} and {@code j} read as {@code i}, {@code kh} as
     * {@code h}, {@code ts} and {@code tz} as {@code c}, {@code shch} and {@code sch} as {@code sh},
     * {@code ph} as {@code f}, {@code ks} as {@code x}, {@code w} as {@code v}, doubled letters once.
     * For comparing names that came from another script; too loose for Latin names in general.
     *
     * @since 1.4.0
     */
    public static String spellingKey(String word) {
        String s = word.replace("shch", "sh").replace("sch", "sh").replace("kh", "h").replace("ts", "c")
                .replace("tz", "c").replace("ph", "f").replace("ks", "x");
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = switch (s.charAt(i)) {
                case 'y', 'j' -> 'i';
                case 'w' -> 'v';
                default -> s.charAt(i);
            };
            if (sb.length() == 0 || sb.charAt(sb.length() - 1) != c) {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** Whether the text has a letter of another script than Latin (Cyrillic, Greek, ...). */
    public static boolean hasOtherScript(String text) {
        for (int i = 0; text != null && i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isLetter(c) && Character.UnicodeScript.of(c) != Character.UnicodeScript.LATIN) {
                return true;
            }
        }
        return false;
    }

    /** Whether the word is a plausible year of a record release (1900 to 2099). */
    public static boolean isYear(String word) {
        if (word.length() != 4 || !(word.startsWith("19") || word.startsWith("20"))) {
            return false;
        }
        return Character.isDigit(word.charAt(2)) && Character.isDigit(word.charAt(3));
    }

    /** Whether the word contains a digit. */
    public static boolean hasDigit(CharSequence word) {
        for (int i = 0; i < word.length(); i++) {
            if (Character.isDigit(word.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The media format a listing's words name, or null when they name none or several
     * ({@code LP}, {@code vinyl}, {@code 12"} give vinyl; {@code CD} gives CD; {@code cassette} gives
     * cassette). A format named beside the real one does not count: {@code not CD}, {@code bonus CD},
     * {@code mini LP sleeve} and {@code LP replica} on a CD, {@code LP tracks} on a tape.
     */
    public static MediaFormat formatNamed(List<String> words) {
        MediaFormat found = null;
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            if (aside(words, i)) {
                continue;
            }
            MediaFormat f;
            switch (w) {
                case "lp": case "lps": case "vinyl": case "vinyls": case "12inch": case "7inch": case "45rpm":
                case "33rpm": case "180g": case "180gram":
                    f = MediaFormat.VINYL;
                    break;
                case "cd": case "cds": case "compact": case "sacd":
                    f = MediaFormat.CD;
                    break;
                case "cassette": case "cassettes": case "tape":
                    f = MediaFormat.CASSETTE;
                    break;
                default:
                    continue;
            }
            if (found != null && found != f) {
                return null;
            }
            found = f;
        }
        return found;
    }

    /** Whether the format word at {@code i} is named beside the record's own format, not as it. */
    private static boolean aside(List<String> words, int i) {
        String before = i > 0 ? words.get(i - 1) : "";
        String after = i + 1 < words.size() ? words.get(i + 1) : "";
        return before.equals("not") || before.equals("no") || before.equals("bonus") || before.equals("mini")
                || after.equals("sleeve") || after.equals("replica") || after.equals("tracks") || after.equals("version");
    }

    private static boolean ascii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    private static void flush(StringBuilder current, List<String> words) {
        if (current.length() > 0) {
            words.add(current.toString());
            current.setLength(0);
        }
    }
}
