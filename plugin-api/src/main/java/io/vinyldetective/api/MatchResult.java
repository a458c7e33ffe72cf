package io.vinyldetective.api;

import java.util.List;
import java.util.Objects;

/**
 * What a {@link MatcherTier} concluded about a listing.
 *
 * @param releaseIds every release the listing could be, best first: one when the pressing is clear,
 *                   several when pressings cannot be told apart (the scorer then prices conservatively)
 * @param method     the tier's method name, e.g. {@code catalog_no}, {@code barcode}, {@code fuzzy}
 * @param confidence 0..1; the engine accepts the first result that is {@link #confident()}
 * @param reasons    short human-readable reasons, shown on the alert (e.g. {@code catalog number BLP 1577})
 */
public record MatchResult(List<Long> releaseIds, String method, double confidence, List<String> reasons) {

    /** Results at or above this confidence end the tier chain. */
    public static final double CONFIDENT = 0.9;

    public MatchResult {
        Objects.requireNonNull(method, "method");
        releaseIds = List.copyOf(releaseIds);
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
        if (releaseIds.isEmpty()) {
            throw new IllegalArgumentException("a match names at least one release");
        }
        if (confidence < 0 || confidence > 1) {
            throw new IllegalArgumentException("confidence must be within 0..1: " + confidence);
        }
    }

    /** The best candidate. */
    public long releaseId() {
        return releaseIds.get(0);
    }

    public boolean confident() {
        return confidence >= CONFIDENT;
    }
}
