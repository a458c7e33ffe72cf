package io.vinyldetective.api;

/**
 * Cyrillic and Greek in Latin letters, for {@link TextKeys#fold}: the spelling most sellers type
 * (Russian passport style for Cyrillic, the usual Greek one), letter by letter with the few Greek
 * pairs that read as one sound ({@code ου}, {@code αυ}, {@code ευ}, {@code μπ}, {@code ντ}).
 */
final class Script {

    private static final String CYRILLIC = "абвгдеёжзийклмнопрстуфхцчшщъыьэюяіїєґўђјљњћџ";
    private static final String[] CYRILLIC_LATIN = {"a", "b", "v", "g", "d", "e", "e", "zh", "z", "i", "y", "k",
        "l", "m", "n", "o", "p", "r", "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "yu",
        "ya", "i", "yi", "ye", "g", "u", "dj", "j", "lj", "nj", "c", "dz"};
    private static final String GREEK = "αβγδεζηθικλμνξοπρσςτυφχψωάέήίόύώϊϋΐΰ";
    private static final String[] GREEK_LATIN = {"a", "v", "g", "d", "e", "z", "i", "th", "i", "k", "l", "m", "n",
        "x", "o", "p", "r", "s", "s", "t", "y", "f", "ch", "ps", "o", "a", "e", "i", "i", "o", "y", "o", "i", "y",
        "i", "y"};

    private Script() {
    }

    /** The text with its Cyrillic and Greek letters in Latin ones (case kept on the first letter); other characters as they are. */
    static String toLatin(String text) {
        int i = 0;
        while (i < text.length() && !convertible(text.charAt(i))) {
            i++;
        }
        if (i == text.length()) {
            return text;
        }
        StringBuilder sb = new StringBuilder(text.length() + 8).append(text, 0, i);
        for (; i < text.length(); i++) {
            char c = text.charAt(i);
            char lower = Character.toLowerCase(c);
            char next = i + 1 < text.length() ? Character.toLowerCase(text.charAt(i + 1)) : 0;
            String latin = greekPair(lower, next);
            if (latin != null) {
                i++;
            } else {
                latin = single(lower);
            }
            if (latin == null) {
                sb.append(c);
            } else if (!latin.isEmpty() && Character.isUpperCase(c)) {
                sb.append(Character.toUpperCase(latin.charAt(0))).append(latin, 1, latin.length());
            } else {
                sb.append(latin);
            }
        }
        return sb.toString();
    }

    private static boolean convertible(char c) {
        return c >= 0x0370 && c <= 0x03ff || c >= 0x0400 && c <= 0x04ff;
    }

    private static String single(char lower) {
        int k = CYRILLIC.indexOf(lower);
        if (k >= 0) {
            return CYRILLIC_LATIN[k];
        }
        k = GREEK.indexOf(lower);
        return k >= 0 ? GREEK_LATIN[k] : null;
    }

    private static String greekPair(char a, char b) {
        if (a == 'ο' && (b == 'υ' || b == 'ύ')) {
            return "ou";
        }
        if ((a == 'α' || a == 'ε') && (b == 'υ' || b == 'ύ')) {
            return a == 'α' ? "av" : "ev";
        }
        if (a == 'μ' && b == 'π') {
            return "b";
        }
        if (a == 'ν' && b == 'τ') {
            return "nt";
        }
        return null;
    }
}
