package io.vinyldetective.api;

import java.time.Instant;
import java.util.Objects;

/**
 * What to search for: one saved search, or one batch of watched releases.
 *
 * @param text            the marketplace query, e.g. {@code blue note}, or an OR group such as
 *                        {@code (coltrane, mobley)}
 * @param format          restrict to one format; null for all music formats
 * @param maxPrice        upper price bound; null for none
 * @param currency        the currency prices should come in (the user's); never null
 * @param includeAuctions whether auctions are wanted besides fixed-price listings
 * @param since           when the engine last asked for this query's new listings, or null for never: a
 *                        source that pages newest first can stop once a page is older than this (less
 *                        the source's indexing delay) and holds listings already seen
 * @since 1.2.0 for {@code since}
 */
public record ListingQuery(String text, MediaFormat format, Money maxPrice, String currency, boolean includeAuctions,
                           Instant since) {

    public ListingQuery {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(currency, "currency");
        if (text.isBlank()) {
            throw new IllegalArgumentException("empty query");
        }
    }

    /** A query never asked before (the API 1.1 form). */
    public ListingQuery(String text, MediaFormat format, Money maxPrice, String currency, boolean includeAuctions) {
        this(text, format, maxPrice, currency, includeAuctions, null);
    }

    /**
     * The same query, last asked at {@code lastAsked}.
     *
     * @since 1.2.0
     */
    public ListingQuery withSince(Instant lastAsked) {
        return new ListingQuery(text, format, maxPrice, currency, includeAuctions, lastAsked);
    }
}
