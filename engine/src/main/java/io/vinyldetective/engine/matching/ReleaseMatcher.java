package io.vinyldetective.engine.matching;

import io.vinyldetective.api.Listing;
import io.vinyldetective.api.MatchResult;
import io.vinyldetective.api.MatcherTier;
import io.vinyldetective.api.PluginException;
import io.vinyldetective.engine.pipeline.PluginFailure;
import io.vinyldetective.engine.pipeline.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiPredicate;

/**
 * The tier chain: asks the matcher tiers in their configured order and takes the first
 * {@linkplain MatchResult#confident() confident} result. Failures stay per listing: a tier that says
 * the listing is unusable ({@link PluginException.BadItem}) ends the chain for that listing; a tier
 * that breaks ({@link PluginFailure}) or is unavailable for now ({@link PluginException.RetryLater},
 * e.g. quarantined) is skipped and the next tier is asked. Releases users reported as a wrong match
 * for a listing are left out of its results. Thread-safe when the tiers are; used by
 * the {@code match} command and the daemon.
 */
public final class ReleaseMatcher {

    private static final Logger LOG = LoggerFactory.getLogger(ReleaseMatcher.class);

    private final List<Stage<MatcherTier>> tiers;
    private final BiPredicate<String, Long> rejected;

    public ReleaseMatcher(List<Stage<MatcherTier>> tiers) {
        this(tiers, (listingId, releaseId) -> false);
    }

    /**
     * @param rejected negative examples: whether a user reported that this listing is not this
     *                 release ("wrong match"); such a release is never a result for that listing
     */
    public ReleaseMatcher(List<Stage<MatcherTier>> tiers, BiPredicate<String, Long> rejected) {
        this.tiers = List.copyOf(tiers);
        this.rejected = rejected;
    }

    public List<Stage<MatcherTier>> tiers() {
        return tiers;
    }

    public MatchOutcome match(Listing listing) {
        List<MatchResult> tentative = new ArrayList<>(1);
        List<String> problems = new ArrayList<>(0);
        for (Stage<MatcherTier> tier : tiers) {
            Optional<MatchResult> r;
            try {
                r = tier.extension().match(listing);
            } catch (PluginException.BadItem e) {
                LOG.debug("Listing {} refused by '{}': {}", listing.id(), tier.pluginId(), e.getMessage());
                return MatchOutcome.refused(listing.id(), tier.pluginId() + ": " + e.getMessage(), tentative, problems);
            } catch (PluginException e) {
                problems.add(tier.pluginId() + " unavailable: " + e.getMessage());
                continue;
            } catch (PluginFailure e) {
                problems.add(tier.pluginId() + " failed: " + rootMessage(e));
                continue;
            }
            Optional<MatchResult> kept = r == null ? Optional.empty() : r.flatMap(result -> withoutRejected(listing, result));
            if (kept.isEmpty()) {
                continue;
            }
            if (kept.get().confident()) {
                return MatchOutcome.matched(listing.id(), kept.get(), tentative, problems);
            }
            tentative.add(kept.get());
        }
        return MatchOutcome.unmatched(listing.id(), tentative, problems);
    }

    /** The result without releases reported as wrong for this listing; empty when none is left. */
    private Optional<MatchResult> withoutRejected(Listing listing, MatchResult result) {
        List<Long> kept = new ArrayList<>(result.releaseIds().size());
        List<String> reasons = new ArrayList<>(result.reasons());
        for (long id : result.releaseIds()) {
            if (rejected.test(listing.id(), id)) {
                reasons.add("release " + id + " left out: reported as a wrong match");
            } else {
                kept.add(id);
            }
        }
        if (kept.size() == result.releaseIds().size()) {
            return Optional.of(result);
        }
        return kept.isEmpty() ? Optional.empty()
                : Optional.of(new MatchResult(kept, result.method(), result.confidence(), reasons));
    }

    private static String rootMessage(PluginFailure e) {
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        return cause.getMessage() != null ? cause.getClass().getSimpleName() + ": " + cause.getMessage()
                : cause.getClass().getSimpleName();
    }
}
