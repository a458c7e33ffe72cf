package io.vinyldetective.engine.polling;

import io.vinyldetective.api.ListingQuery;
import io.vinyldetective.api.MediaFormat;
import io.vinyldetective.engine.storage.SavedSearch;
import java.util.Locale;

/**
 * What makes two saved searches the same marketplace call: the query text (case and spacing
 * ignored), the format and the currency. Searches that share a key share one poll; their price caps,
 * thresholds and shipping choices are applied per search afterwards.
 *
 * @param text     the query, lower case, single spaces
 * @param format   the format, or null for any
 * @param currency the currency prices are wanted in
 */
public record QueryKey(String text, MediaFormat format, String currency) {

    /** The key of a saved search; {@code defaultCurrency} when the search names none. */
    public static QueryKey of(SavedSearch search, String defaultCurrency) {
        String text = search.query().strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
        MediaFormat format = search.format() == null ? null : MediaFormat.valueOf(search.format());
        return new QueryKey(text, format, search.currency() != null ? search.currency() : defaultCurrency);
    }

    /** The stored form, e.g. {@code blue note|VINYL|USD}. */
    public String key() {
        return text + "|" + (format == null ? "ANY" : format.name()) + "|" + currency;
    }

    /** The marketplace query: fixed-price listings only, no price cap (each search applies its own). */
    public ListingQuery toQuery() {
        return new ListingQuery(text, format, null, currency, false);
    }

    /** For log lines: {@code "blue note" (vinyl)}. */
    public String describe() {
        return "\"" + text + "\"" + (format == null ? "" : " (" + format.displayName() + ")");
    }
}
