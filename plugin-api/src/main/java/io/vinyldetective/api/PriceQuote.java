package io.vinyldetective.api;

import java.time.Instant;
import java.util.Objects;

/**
 * A reference price for a release.
 *
 * @param releaseId the release priced
 * @param price     the reference price, in the currency asked for
 * @param grade     the condition it is for; null for a condition-independent figure (e.g. lowest listed)
 * @param source    where it comes from, e.g. {@code discogs:price_suggestion}, {@code discogs:lowest_listed}
 * @param forSale   how many copies are for sale at the source (thin markets are risky); null when unknown
 * @param asOf      when the source gave this figure
 */
public record PriceQuote(long releaseId, Money price, Grade grade, String source, Integer forSale, Instant asOf) {

    public PriceQuote {
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(asOf, "asOf");
    }
}
