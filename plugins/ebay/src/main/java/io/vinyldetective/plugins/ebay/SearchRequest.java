package io.vinyldetective.plugins.ebay;

import io.vinyldetective.api.ListingQuery;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code GET /buy/browse/v1/item_summary/search} URI for a saved search: its words, the music
 * category of its format, newest first (or, for auctions, ending soonest first), and the filters
 * (buying options, price, delivery country, item location).
 */
final class SearchRequest {

    static final String PATH = "/buy/browse/v1/item_summary/search";
    /** eBay reads at most this many characters of {@code q} (longer strings are truncated). */
    static final int MAX_QUERY_LENGTH = 100;

    private final EbaySettings settings;

    SearchRequest(EbaySettings settings) {
        this.settings = settings;
    }

    /** The page of {@code limit} listings starting at {@code offset} (0 or a multiple of {@code limit}). */
    URI page(ListingQuery query, int offset, int limit) {
        String options = query.includeAuctions() ? "buyingOptions:{FIXED_PRICE|AUCTION}" : "buyingOptions:{FIXED_PRICE}";
        return uri(query, "newlyListed", options, offset, limit);
    }

    /**
     * The page of {@code limit} auctions starting at {@code offset}, the soonest to end first: what
     * {@link EbayListingSource#endingAuctions} reads. The price cap applies to the current bid.
     */
    URI endingAuctions(ListingQuery query, int offset, int limit) {
        return uri(query, "endingSoonest", "buyingOptions:{AUCTION}", offset, limit);
    }

    private URI uri(ListingQuery query, String sort, String buyingOptions, int offset, int limit) {
        StringBuilder sb = new StringBuilder(settings.baseUrl().toString()).append(PATH)
                .append("?q=").append(encode(query.text().strip()))
                .append("&category_ids=").append(settings.categoryFor(query.format()))
                .append("&sort=").append(sort)
                .append("&limit=").append(limit)
                .append("&offset=").append(offset)
                .append("&filter=").append(encode(String.join(",", filters(query, buyingOptions))));
        return URI.create(sb.toString());
    }

    /** eBay's filter expressions, e.g. {@code buyingOptions:{FIXED_PRICE}}, {@code price:[..25.00]}. */
    private List<String> filters(ListingQuery query, String buyingOptions) {
        List<String> filters = new ArrayList<>();
        filters.add(buyingOptions);
        if (query.maxPrice() != null) {
            filters.add("price:[.." + query.maxPrice().amount().toPlainString() + "]");
            filters.add("priceCurrency:" + query.maxPrice().currency());
        }
        if (settings.deliveryCountry() != null) {
            filters.add("deliveryCountry:" + settings.deliveryCountry());
        }
        if (settings.itemLocationCountry() != null) {
            filters.add("itemLocationCountry:" + settings.itemLocationCountry());
        }
        return filters;
    }

    /**
     * A term as plain keywords: parentheses, commas, quotes and {@code *} (query syntax to eBay) become
     * spaces, a leading minus (eBay's exclusion) goes, runs of spaces become one.
     */
    static String keywords(String term) {
        String plain = term == null ? "" : term.replaceAll("[(),\"*]", " ").strip().replaceAll("\\s+", " ");
        return plain.replaceAll("(^|\\s)-+", "$1").strip();
    }

    static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
