package io.vinyldetective.api;

import java.util.Locale;
import java.util.Set;

/**
 * How catalog numbers and barcodes are normalised, so the catalog's index, the dump import, the
 * oracle and every matcher compare the same keys.
 */
public final class CatalogKeys {

    private static final Set<String> NO_CATALOG_NUMBER = Set.of("NONE", "NA", "N/A", "UNKNOWN", "-", "NOCAT", "");

    private CatalogKeys() {
    }

    /**
     * A catalog number's comparison key: upper case, letters and digits only ({@code CDP 7 46095-2}
     * and {@code cdp7460952} both give {@code CDP7460952}); null for blanks and placeholders such as
     * {@code none} or {@code n/a}.
     */
    public static String catalogNumber(String raw) {
        if (raw == null) {
            return null;
        }
        String upper = raw.strip().toUpperCase(Locale.ROOT);
        if (NO_CATALOG_NUMBER.contains(upper)) {
            return null;
        }
        StringBuilder sb = new StringBuilder(upper.length());
        for (int i = 0; i < upper.length(); i++) {
            char c = upper.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                sb.append(c);
            }
        }
        return sb.length() == 0 ? null : sb.toString();
    }

    /**
     * A barcode's comparison key: digits only, UPC-A (12 digits) and GTIN-14 with a leading zero
     * written as EAN-13 ({@code 0 12345 67890 5} and {@code 0012345678905} are the same code);
     * EAN-8 kept as is. Null when the text is not a barcode of one of those lengths. The check
     * digit is not verified here (see {@link #validCheckDigit}).
     */
    public static String barcode(String raw) {
        if (raw == null) {
            return null;
        }
        StringBuilder digits = new StringBuilder(14);
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c >= '0' && c <= '9') {
                digits.append(c);
            } else if (Character.isLetter(c)) {
                return null;
            }
        }
        String d = digits.toString();
        switch (d.length()) {
            case 8:
            case 13:
                return d;
            case 12:
                return "0" + d;
            case 14:
                return d.charAt(0) == '0' ? d.substring(1) : d;
            default:
                return null;
        }
    }

    /** Whether the last digit of a GTIN-8/12/13/14 is its correct check digit. */
    public static boolean validCheckDigit(String digits) {
        if (digits == null || digits.length() < 8 || digits.length() > 14) {
            return false;
        }
        int sum = 0;
        int n = digits.length();
        for (int i = n - 2, pos = 0; i >= 0; i--, pos++) {
            char c = digits.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
            sum += (c - '0') * (pos % 2 == 0 ? 3 : 1);
        }
        char last = digits.charAt(n - 1);
        return last >= '0' && last <= '9' && (10 - sum % 10) % 10 == last - '0';
    }
}
