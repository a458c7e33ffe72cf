package io.vinyldetective.engine.polling;

import io.vinyldetective.api.ListingQuery;
import io.vinyldetective.api.MediaFormat;
import io.vinyldetective.engine.storage.SavedSearch;
import io.vinyldetective.engine.wants.WatchBatch;
import java.util.Locale;

/**
 * What makes two subscriptions the same marketplace call: the query text (case and spacing ignored),
 * the format, the currency, and whether it serves saved searches or watches. Searches that share a key
 * share one poll; their price caps, thresholds and shipping choices are applied per search afterwards.
 * A batch of watches never shares a key (nor seen listings) with searches, even with the same text;
 * the auctions ending soon of a query ({@link #forAuctions}) have a key of their own as well.
 *
 * @param text     the query, lower case, single spaces
 * @param format   the format, or null for any
 * @param currency the currency prices are wanted in
 * @param watches  whether it is a batch of watches rather than saved searches
 * @param auctions whether it asks for the query's auctions ending soon rather than its new listings
 */
public record QueryKey(String text, MediaFormat format, String currency, boolean watches, boolean auctions) {

    /** The key of a query's new listings. */
    public QueryKey(String text, MediaFormat format, String currency, boolean watches) {
        this(text, format, currency, watches, false);
    }

    /** The key of a saved search; {@code defaultCurrency} when the search names none. */
    public static QueryKey of(SavedSearch search, String defaultCurrency) {
        MediaFormat format = search.format() == null ? null : MediaFormat.valueOf(search.format());
        return new QueryKey(normal(search.query()), format, search.currency() != null ? search.currency() : defaultCurrency,
                false);
    }

    /** The key of a batch of watches. */
    public static QueryKey of(WatchBatch batch, String currency) {
        return new QueryKey(normal(batch.query()), batch.format(), currency, true);
    }

    /** The key of the same query's auctions ending soon. */
    public QueryKey forAuctions() {
        return new QueryKey(text, format, currency, watches, true);
    }

    private static String normal(String query) {
        return query.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    /**
     * The stored form, e.g. {@code blue note|VINYL|USD}, {@code watch|(coltrane, mobley)|VINYL|USD} for watches,
     * and {@code auction|blue note|VINYL|USD} for auctions ending soon.
     */
    public String key() {
        return (auctions ? "auction|" : "") + (watches ? "watch|" : "") + text + "|" + (format == null ? "ANY" : format.name()) + "|" + currency;
    }

    /**
     * The marketplace query, no price cap (each subscriber applies its own): fixed-price listings only, or for
     * an auctions key the auctions.
     */
    public ListingQuery toQuery() {
        return new ListingQuery(text, format, null, currency, auctions);
    }

    /** For log lines: {@code "blue note" (vinyl)}, {@code "blue note" (vinyl) auctions ending soon}. */
    public String describe() {
        return "\"" + text + "\"" + (format == null ? "" : " (" + format.displayName() + ")")
                + (auctions ? " auctions ending soon" : "");
    }
}
