package io.vinyldetective.plugins.match.testkit;

import io.vinyldetective.api.Listing;
import io.vinyldetective.api.MatchResult;
import io.vinyldetective.api.MatcherTier;
import java.util.List;
import java.util.Optional;

/**
 * One hand-written golden case of a matcher tier: a family (catalog-number variants, format
 * traps, ...), a listing, and the release ids it must match (empty: no confident match allowed).
 */
public record GoldenCase(String family, Listing listing, List<Long> expected) {

    /**
     * Runs the tier on the listing and checks the outcome: no confident match when none is
     * expected, else a confident match of exactly the expected releases by {@code method}.
     *
     * @return the result, for further checks; empty when no match was expected
     * @throws AssertionError when the tier got it wrong
     */
    public Optional<MatchResult> check(MatcherTier tier, String method) {
        Optional<MatchResult> r = tier.match(listing);
        if (expected.isEmpty()) {
            if (r.isPresent() && r.get().confident()) {
                throw new AssertionError("expected no confident match, got " + r.get());
            }
            return Optional.empty();
        }
        if (r.isEmpty() || !r.get().confident()) {
            throw new AssertionError("expected a confident match of " + expected + ", got " + r);
        }
        if (!r.get().releaseIds().equals(expected) || !r.get().method().equals(method)) {
            throw new AssertionError("expected " + expected + " by " + method + ", got " + r.get());
        }
        return r;
    }

    @Override
    public String toString() {
        return family + ": " + listing.title()
                + (listing.gtin() == null && listing.aspects().isEmpty() ? "" : " / " + listing.gtin() + " " + listing.aspects());
    }
}
