package io.vinyldetective.engine.scoring;

import io.vinyldetective.api.Deal;
import java.util.Objects;

/**
 * What the {@link DealScorer} concluded about one matched listing.
 *
 * @param outcome  the verdict
 * @param deal     the deal to alert on; null unless {@link Outcome#DEAL}
 * @param discount {@code 1 - landed / reference}; null when not computed (no price, no reference, unknown shipping)
 * @param detail   a short reason for the logs, e.g. {@code 12 % below 40.00 EUR, threshold 25 %}
 */
public record Scored(Outcome outcome, Deal deal, Double discount, String detail) {

    public Scored {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(detail, "detail");
        if ((outcome == Outcome.DEAL) != (deal != null)) {
            throw new IllegalArgumentException("a deal comes with outcome DEAL and only then: " + outcome);
        }
    }

    public boolean isDeal() {
        return outcome == Outcome.DEAL;
    }

    /** Why a listing is or is not a deal. */
    public enum Outcome {
        /** At or above the threshold: alert. */
        DEAL,
        /** Priced, but not cheap enough. */
        BELOW_THRESHOLD,
        /** Shipping is unknown (or in another currency) and alerts need it. */
        UNKNOWN_SHIPPING,
        /** No candidate release has a usable reference price. */
        NO_REFERENCE,
        /** The listing has no price. */
        NO_PRICE
    }
}
