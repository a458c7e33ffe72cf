package io.vinyldetective.engine.polling;

import io.vinyldetective.api.Listing;
import io.vinyldetective.api.ListingSource;
import io.vinyldetective.api.MatchResult;
import io.vinyldetective.api.PluginException;
import io.vinyldetective.api.PriceOracle;
import io.vinyldetective.api.PriceQuote;
import io.vinyldetective.api.Release;
import io.vinyldetective.api.Urgency;
import io.vinyldetective.engine.alerts.AlertOutbox;
import io.vinyldetective.engine.catalog.CatalogStore;
import io.vinyldetective.engine.matching.ReleaseMatcher;
import io.vinyldetective.engine.pipeline.PluginFailure;
import io.vinyldetective.engine.pricing.PriceBook;
import io.vinyldetective.engine.scoring.DealScorer;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the handlers of one source's polls share: the source (for item look-ups), the oracle, the tier
 * chain, the catalog, the price book, the scorer, the outbox and the notifier alerts go to.
 *
 * @param notifierId the notifier alerts are queued for, or null when none is configured
 */
record PollContext(ListingSource source, PriceOracle oracle, ReleaseMatcher matcher, CatalogStore catalog,
                   PriceBook prices, DealScorer scorer, AlertOutbox outbox, SeenListings seen, String notifierId,
                   PollSettings settings) {

    private static final Logger LOG = LoggerFactory.getLogger(PollContext.class);

    /** The listing with the details a search does not give (barcode, item specifics), or null when none came. */
    Listing details(Listing listing) {
        try {
            return source.details(listing).orElse(null);
        } catch (PluginException | PluginFailure e) {
            LOG.debug("No details for listing {}: {}", listing.id(), e.getMessage());
            return null;
        }
    }

    /** The candidates of a match that are priced (at most {@link PollSettings#maxPricedCandidates()}), with their quotes. */
    Priced price(Listing listing, List<Long> candidates) {
        Map<Long, Release> releases = new LinkedHashMap<>();
        Map<Long, List<PriceQuote>> quotes = new HashMap<>();
        for (long id : candidates.subList(0, Math.min(candidates.size(), settings.maxPricedCandidates()))) {
            catalog.release(id).ifPresent(r -> releases.put(id, r));
            try {
                quotes.put(id, prices.quotes(id, listing.price().currency(), Urgency.LIVE, oracle));
            } catch (PluginException.BadItem e) {
                LOG.debug("No prices for release {}: {}", id, e.getMessage());
            }
        }
        return new Priced(releases, quotes);
    }

    /** Candidate releases and their reference quotes. */
    record Priced(Map<Long, Release> releases, Map<Long, List<PriceQuote>> quotes) {
        boolean any() {
            return quotes.values().stream().anyMatch(q -> !q.isEmpty());
        }
    }

    /** Queues a deal for a chat unless it is a relist the chat was alerted to; counts it in the report. */
    void alert(String chatId, io.vinyldetective.api.Deal deal, PollReport report) {
        if (notifierId == null) {
            return;
        }
        if (seen.relistAlerted(chatId, deal.listing())) {
            report.relists++;
            return;
        }
        if (outbox.enqueue(notifierId, chatId, deal) == AlertOutbox.Enqueued.QUEUED) {
            report.queued++;
        }
    }

    /** A match the daemon keeps with the listing. */
    void matched(Listing listing, MatchResult match, PollReport report) {
        report.matched(match.method());
        seen.matched(listing.id(), match);
    }
}
