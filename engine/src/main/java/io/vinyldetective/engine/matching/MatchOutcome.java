package io.vinyldetective.engine.matching;

import io.vinyldetective.api.MatchResult;

import java.util.List;
import java.util.Optional;

/**
 * What the tier chain concluded about one listing.
 *
 * @param listingId the listing's id
 * @param result    the first confident result, or null when no tier was confident
 * @param tentative results below the confidence bar, in tier order (they do not count as a match)
 * @param refusal   why a tier found the listing itself unusable, or null
 * @param problems  tiers that failed or were unavailable for this listing (the chain went on without them)
 */
public record MatchOutcome(String listingId, MatchResult result, List<MatchResult> tentative, String refusal,
                           List<String> problems) {

    public MatchOutcome {
        tentative = List.copyOf(tentative);
        problems = List.copyOf(problems);
    }

    static MatchOutcome matched(String id, MatchResult result, List<MatchResult> tentative, List<String> problems) {
        return new MatchOutcome(id, result, tentative, null, problems);
    }

    static MatchOutcome unmatched(String id, List<MatchResult> tentative, List<String> problems) {
        return new MatchOutcome(id, null, tentative, null, problems);
    }

    static MatchOutcome refused(String id, String why, List<MatchResult> tentative, List<String> problems) {
        return new MatchOutcome(id, null, tentative, why, problems);
    }

    public Optional<MatchResult> match() {
        return Optional.ofNullable(result);
    }

    public boolean matched() {
        return result != null;
    }

    /** The best result below the bar, if any tier had one. */
    public Optional<MatchResult> bestTentative() {
        return tentative.stream().max(java.util.Comparator.comparingDouble(MatchResult::confidence));
    }
}
