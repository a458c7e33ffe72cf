package io.vinyldetective.api;

import java.util.Objects;

/**
 * What to search for: one saved search.
 *
 * @param text            the user's query, e.g. {@code blue note}
 * @param format          restrict to one format; null for all music formats
 * @param maxPrice        upper price bound; null for none
 * @param currency        the currency prices should come in (the user's); never null
 * @param includeAuctions whether auctions are wanted besides fixed-price listings
 */
public record ListingQuery(String text, MediaFormat format, Money maxPrice, String currency, boolean includeAuctions) {

    public ListingQuery {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(currency, "currency");
        if (text.isBlank()) {
            throw new IllegalArgumentException("empty query");
        }
    }
}
