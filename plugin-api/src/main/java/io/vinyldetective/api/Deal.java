package io.vinyldetective.api;

import java.util.List;
import java.util.Objects;

/**
 * A listing priced below its reference: what a {@link Notifier} delivers.
 *
 * @param listing    the marketplace listing
 * @param release    the release it was matched to (the one the reference price belongs to)
 * @param match      how it was matched
 * @param reference  the reference price the discount is computed against
 * @param landedCost price plus shipping, in the reference's currency
 * @param discount   1 - landedCost / reference, e.g. 0.42 for 42 % below
 * @param priority   how urgent the alert is
 * @param flags      warnings for the reader (thin market, low-feedback seller, ...); never null
 */
public record Deal(Listing listing, Release release, MatchResult match, PriceQuote reference, Money landedCost,
                   double discount, Priority priority, List<String> flags) {

    public Deal {
        Objects.requireNonNull(listing, "listing");
        Objects.requireNonNull(release, "release");
        Objects.requireNonNull(match, "match");
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(landedCost, "landedCost");
        Objects.requireNonNull(priority, "priority");
        flags = flags == null ? List.of() : List.copyOf(flags);
    }

    /** Alert priority. */
    public enum Priority { NORMAL, HIGH }
}
