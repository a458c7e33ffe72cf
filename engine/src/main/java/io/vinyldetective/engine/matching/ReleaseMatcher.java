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

/**
 * The tier chain: asks the matcher tiers in their configured order and takes the first
 * {@linkplain MatchResult#confident() confident} result. Failures stay per listing: a tier that says
 * the listing is unusable ({@link PluginException.BadItem}) ends the chain for that listing; a tier
 * that breaks ({@link PluginFailure}) or is unavailable for now ({@link PluginException.RetryLater},
 * e.g. quarantined) is skipped and the next tier is asked. Thread-safe when the tiers are; used by
 * the {@code match} command and the daemon.
 */
public final class ReleaseMatcher {

    private static final Logger LOG = LoggerFactory.getLogger(ReleaseMatcher.class);

    private final List<Stage<MatcherTier>> tiers;

    public ReleaseMatcher(List<Stage<MatcherTier>> tiers) {
        this.tiers = List.copyOf(tiers);
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
            if (r == null || r.isEmpty()) {
                continue;
            }
            if (r.get().confident()) {
                return MatchOutcome.matched(listing.id(), r.get(), tentative, problems);
            }
            tentative.add(r.get());
        }
        return MatchOutcome.unmatched(listing.id(), tentative, problems);
    }

    private static String rootMessage(PluginFailure e) {
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        return cause.getMessage() != null ? cause.getClass().getSimpleName() + ": " + cause.getMessage()
                : cause.getClass().getSimpleName();
    }
}
