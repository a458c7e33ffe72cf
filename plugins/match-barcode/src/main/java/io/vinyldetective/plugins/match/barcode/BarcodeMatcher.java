package io.vinyldetective.plugins.match.barcode;

import io.vinyldetective.api.Catalog;
import io.vinyldetective.api.CatalogKeys;
import io.vinyldetective.api.ConfigKey;
import io.vinyldetective.api.Listing;
import io.vinyldetective.api.ListingWords;
import io.vinyldetective.api.MatchResult;
import io.vinyldetective.api.MatcherTier;
import io.vinyldetective.api.MediaFormat;
import io.vinyldetective.api.PluginContext;
import io.vinyldetective.api.PluginException;
import io.vinyldetective.api.Release;
import io.vinyldetective.api.TextKeys;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.pf4j.Extension;

/**
 * Matcher tier {@code barcode}: the listing's UPC-A / EAN-13 / GTIN-14 (from the barcode field, item
 * specifics named UPC/EAN/GTIN/Barcode, or a 12–14 digit number in the title), accepted only with a
 * correct check digit, compared after {@link CatalogKeys#barcode} (so {@code 0} + UPC-A is the same
 * code), looked up in the catalog and kept to the listing's format.
 *
 * <p>A barcode is strong evidence, but sellers copy the wrong one (the CD's code on the LP, another
 * edition's): when the listing's words name something else entirely, the result is not confident and
 * the next tier decides.
 */
@Extension
public final class BarcodeMatcher implements MatcherTier {

    public static final String METHOD = "barcode";

    public static final ConfigKey MAX_LOOKUPS = ConfigKey.optional("max-lookups", ConfigKey.Type.INT, "3",
            "The most distinct valid barcodes looked up per listing.");
    public static final ConfigKey SCAN_TITLE = ConfigKey.optional("scan-title", ConfigKey.Type.BOOLEAN, "true",
            "Also look for a 12-14 digit barcode written in the listing title.");

    static final double CONFIDENCE = 0.98;
    static final double CONFIDENCE_CONTRADICTED = 0.5;

    private Catalog catalog;
    private int maxLookups;
    private boolean scanTitle;

    @Override
    public String method() {
        return METHOD;
    }

    @Override
    public List<ConfigKey> configKeys() {
        return List.of(MAX_LOOKUPS, SCAN_TITLE);
    }

    @Override
    public void start(PluginContext context) {
        catalog = context.catalog();
        maxLookups = context.config().integer(MAX_LOOKUPS.name());
        if (maxLookups < 1) {
            throw new PluginException.BadConfiguration(MAX_LOOKUPS.name(),
                    "'" + MAX_LOOKUPS.name() + "' must be at least 1, not " + maxLookups);
        }
        scanTitle = context.config().bool(SCAN_TITLE.name());
    }

    @Override
    public Optional<MatchResult> match(Listing listing) {
        Map<String, String> codes = codes(listing); // key -> as written
        if (codes.isEmpty()) {
            return Optional.empty();
        }
        ListingWords words = ListingWords.of(listing);
        MediaFormat format = listing.format() != null ? listing.format() : TextKeys.formatNamed(words.title());
        int lookups = 0;
        for (Map.Entry<String, String> code : codes.entrySet()) {
            if (lookups++ >= maxLookups) {
                break;
            }
            List<Release> found = catalog.byBarcode(code.getKey());
            List<Release> sameFormat = sameFormat(found, format);
            if (sameFormat.isEmpty()) {
                continue;
            }
            return Optional.of(result(code.getValue(), sameFormat, words));
        }
        return Optional.empty();
    }

    private MatchResult result(String written, List<Release> releases, ListingWords words) {
        Release first = releases.get(0);
        double artist = TextKeys.coverage(artistWords(first), words.all());
        double title = TextKeys.coverage(TextKeys.nameWords(first.title()), words.all());
        boolean contradicted = artist == 0 && title == 0 && words.contentWords() >= 2;
        List<String> reasons = new ArrayList<>();
        reasons.add("barcode " + written);
        reasons.add(first.artistLine() + " – " + first.title());
        if (contradicted) {
            reasons.add("but the listing names neither this artist nor this title");
        }
        List<Long> ids = releases.stream().map(Release::id).toList();
        return new MatchResult(ids, METHOD, contradicted ? CONFIDENCE_CONTRADICTED : CONFIDENCE, reasons);
    }

    /** Valid barcodes of the listing, by comparison key, in order of trust: field, item specifics, title. */
    Map<String, String> codes(Listing listing) {
        Map<String, String> codes = new LinkedHashMap<>();
        offer(listing.gtin(), codes);
        for (Map.Entry<String, String> a : listing.aspects().entrySet()) {
            String name = a.getKey().toLowerCase(Locale.ROOT);
            if (name.contains("upc") || name.contains("ean") || name.contains("gtin") || name.contains("barcode")) {
                offer(a.getValue(), codes);
            }
        }
        if (scanTitle) {
            for (String run : digitRuns(listing.title())) {
                offer(run, codes);
            }
        }
        return codes;
    }

    private static void offer(String raw, Map<String, String> codes) {
        if (raw == null) {
            return;
        }
        String digits = digits(raw);
        String key = CatalogKeys.barcode(raw);
        if (key == null || digits.length() == 8 && !raw.equals(digits) || !CatalogKeys.validCheckDigit(digits)
                || isJunk(digits)) {
            return;
        }
        codes.putIfAbsent(key, raw.strip());
    }

    /** Placeholders sellers type: one repeated digit, or 0s with a short tail (000000000017). */
    static boolean isJunk(String digits) {
        int distinct = (int) digits.chars().distinct().count();
        int zeros = 0;
        while (zeros < digits.length() && digits.charAt(zeros) == '0') {
            zeros++;
        }
        return distinct <= 1 || zeros >= digits.length() - 4;
    }

    /** Runs of digit groups in a title (separated by single spaces or dashes) that total 12 to 14 digits. */
    static List<String> digitRuns(String title) {
        List<String> groups = new ArrayList<>();
        List<String> runs = new ArrayList<>();
        for (String word : title.split(" ")) {
            String w = word.strip();
            if (!w.isEmpty() && isDigitsAndDashes(w)) {
                groups.add(w);
            } else {
                addRuns(groups, runs);
                groups.clear();
            }
        }
        addRuns(groups, runs);
        return runs;
    }

    private static void addRuns(List<String> groups, List<String> runs) {
        for (int start = 0; start < groups.size(); start++) {
            int length = 0;
            for (int end = start; end < groups.size(); end++) {
                length += digits(groups.get(end)).length();
                if (length > 14) {
                    break;
                }
                if (length >= 12) {
                    runs.add(String.join(" ", groups.subList(start, end + 1)));
                }
            }
        }
    }

    private static boolean isDigitsAndDashes(String w) {
        boolean digit = false;
        for (int i = 0; i < w.length(); i++) {
            char c = w.charAt(i);
            if (c >= '0' && c <= '9') {
                digit = true;
            } else if (c != '-') {
                return false;
            }
        }
        return digit;
    }

    private static String digits(String raw) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c >= '0' && c <= '9') {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private static List<Release> sameFormat(List<Release> releases, MediaFormat format) {
        if (format != null) {
            return releases.stream().filter(r -> r.format() == format).toList();
        }
        long formats = releases.stream().map(Release::format).distinct().count();
        return formats == 1 ? releases : List.of();
    }

    private static List<String> artistWords(Release r) {
        List<String> out = new ArrayList<>();
        for (String a : r.artists()) {
            out.addAll(TextKeys.nameWords(a));
        }
        return out;
    }
}
