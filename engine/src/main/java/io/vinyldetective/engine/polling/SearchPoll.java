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
import io.vinyldetective.engine.matching.MatchOutcome;
import io.vinyldetective.engine.matching.ReleaseMatcher;
import io.vinyldetective.engine.pipeline.PluginFailure;
import io.vinyldetective.engine.pricing.PriceBook;
import io.vinyldetective.engine.scoring.DealScorer;
import io.vinyldetective.engine.scoring.Scored;
import io.vinyldetective.engine.storage.SavedSearch;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One poll of one query, for the saved searches that share it: new listings from the source →
 * matcher tiers → reference prices → deal score per search → alert outbox.
 *
 * <p>A listing counts as seen once it was dealt with. One that could not be, because the oracle or a
 * tier was unavailable, waits in the backlog and is tried again by the next poll (up to
 * {@link PollSettings#retryLimit()} times), so an outage delays a deal rather than losing it. The
 * backlog is saved in the database after each poll, so a restart loses none of it. Alerts
 * are queued before listings are marked seen: a crash in between repeats the work, and the outbox's
 * one row per (chat, listing) keeps it from repeating an alert.
 */
final class SearchPoll {

    private static final Logger LOG = LoggerFactory.getLogger(SearchPoll.class);

    /** What happened to one listing. */
    private enum Handled { DONE, RETRY }

    private final String sourceId;
    private final ListingSource source;
    private final PriceOracle oracle;
    private final ReleaseMatcher matcher;
    private final CatalogStore catalog;
    private final PriceBook prices;
    private final DealScorer scorer;
    private final AlertOutbox outbox;
    private final SeenListings seen;
    private final String notifierId;
    private final PollSettings settings;
    private final Map<String, Integer> retries = new HashMap<>();
    /** Per query, listings fetched but not yet dealt with (over the per-poll cap, or to retry), oldest last. */
    private final Map<QueryKey, Map<String, Listing>> backlog = new HashMap<>();

    SearchPoll(String sourceId, ListingSource source, PriceOracle oracle, ReleaseMatcher matcher, CatalogStore catalog, PriceBook prices,
               DealScorer scorer, AlertOutbox outbox, SeenListings seen, String notifierId, PollSettings settings) {
        this.sourceId = sourceId;
        this.source = source;
        this.oracle = oracle;
        this.matcher = matcher;
        this.catalog = catalog;
        this.prices = prices;
        this.scorer = scorer;
        this.outbox = outbox;
        this.seen = seen;
        this.notifierId = notifierId;
        this.settings = settings;
    }

    /**
     * Polls the query once for its searches: asks the source for new listings (unless {@code fetch} is
     * false: a catch-up turn that only works through the backlog), then deals with at most
     * {@link PollSettings#maxListingsPerPoll()} listings, newest first; the rest wait in the backlog
     * for the next turn, so one broad first poll cannot hold up every other search for minutes.
     *
     * @param detailsAllowed whether item look-ups may be spent (not while the budget is stretched)
     * @throws PluginException.RetryLater when the source cannot be asked now (nothing is marked seen)
     */
    PollReport poll(QueryKey key, List<SavedSearch> searches, boolean detailsAllowed, boolean fetch) {
        PollReport report = new PollReport();
        report.catchUp = !fetch;
        Map<String, Listing> queue = backlog.computeIfAbsent(key, k -> seen.backlog(k, sourceId));
        List<Listing> work = new ArrayList<>();
        if (fetch) {
            // The source asks about the listings it pages through; remember its answers rather than ask the database twice.
            Map<String, Boolean> answers = new HashMap<>();
            Predicate<String> alreadySeen = id -> answers.computeIfAbsent(id, i -> seen.seen(key, i));
            List<Listing> listings = source.newListings(key.toQuery(), alreadySeen);
            report.listings = listings.size();
            Set<String> ids = new LinkedHashSet<>();
            for (Listing listing : listings) {
                if (ids.add(listing.id()) && !queue.containsKey(listing.id()) && !alreadySeen.test(listing.id())) {
                    report.fresh++;
                    seen.record(listing);
                    work.add(listing);
                }
            }
        }
        work.addAll(queue.values());
        queue.clear();
        List<String> done = new ArrayList<>();
        boolean oracleDown = false;
        int dealt = 0;
        for (Listing listing : work) {
            if (oracleDown || dealt >= settings.maxListingsPerPoll()) {
                queue.put(listing.id(), listing);
                continue;
            }
            dealt++;
            report.dealt++;
            Handled handled;
            try {
                handled = handle(listing, searches, detailsAllowed, report);
            } catch (PluginException.RetryLater e) {
                LOG.info("Prices unavailable for now ({}); listings wait for the next poll", e.getMessage());
                oracleDown = true;
                handled = Handled.RETRY;
            }
            if (handled == Handled.RETRY && retries.merge(listing.id(), 1, Integer::sum) < settings.retryLimit()) {
                report.retried++;
                queue.put(listing.id(), listing);
                continue;
            }
            retries.remove(listing.id());
            done.add(listing.id());
        }
        report.waiting = queue.size();
        seen.markSeen(key, done);
        if (!queue.isEmpty() || !done.isEmpty()) {
            seen.saveBacklog(key, sourceId, queue.values());
        }
        return report;
    }

    /**
     * Whether listings of this query wait for a turn (see {@link #poll}). A backlog saved before a
     * restart is read at the query's first poll.
     */
    boolean hasBacklog(QueryKey key) {
        Map<String, Listing> queue = backlog.get(key);
        return queue != null && !queue.isEmpty();
    }

    /** Forgets the backlog of queries no active search has any more. */
    void retainBacklog(Set<QueryKey> keys) {
        backlog.keySet().retainAll(keys);
    }

    private Handled handle(Listing listing, List<SavedSearch> searches, boolean detailsAllowed, PollReport report) {
        MatchOutcome outcome = matcher.match(listing);
        if (!outcome.matched() && outcome.refusal() == null && detailsAllowed && report.details < settings.maxDetailsPerPoll()
                && listing.gtin() == null && listing.aspects().isEmpty()) {
            Listing detailed = details(listing);
            if (detailed != null) {
                report.details++;
                listing = detailed;
                outcome = matcher.match(listing);
            }
        }
        if (!outcome.matched()) {
            // A tier that was unavailable might have matched: try again next poll rather than lose a deal.
            return outcome.refusal() == null && !outcome.problems().isEmpty() ? Handled.RETRY : Handled.DONE;
        }
        MatchResult match = outcome.result();
        report.matched(match.method());
        seen.matched(listing.id(), match);
        if (oracle == null || listing.price() == null) {
            return Handled.DONE;
        }
        Map<Long, Release> releases = new LinkedHashMap<>();
        Map<Long, List<PriceQuote>> quotes = new HashMap<>();
        for (long id : match.releaseIds().subList(0, Math.min(match.releaseIds().size(), settings.maxPricedCandidates()))) {
            catalog.release(id).ifPresent(r -> releases.put(id, r));
            try {
                quotes.put(id, prices.quotes(id, listing.price().currency(), Urgency.LIVE, oracle));
            } catch (PluginException.BadItem e) {
                LOG.debug("No prices for release {}: {}", id, e.getMessage());
            }
        }
        if (quotes.values().stream().allMatch(List::isEmpty)) {
            return Handled.DONE;
        }
        report.priced++;
        boolean deal = false;
        for (SavedSearch search : searches) {
            if (search.maxPrice() != null && search.maxPrice().compareTo(listing.price().amount()) < 0) {
                continue;
            }
            Scored scored = scorer.score(listing, match, releases, quotes, search.threshold(), search.alertWithoutShipping());
            if (!scored.isDeal()) {
                LOG.debug("Listing {} for search #{}: {}", listing.id(), search.id(), scored.detail());
                continue;
            }
            deal = true;
            if (notifierId == null) {
                continue;
            }
            if (seen.relistAlerted(search.chatId(), listing)) {
                report.relists++;
                continue;
            }
            if (outbox.enqueue(notifierId, search.chatId(), scored.deal()) == AlertOutbox.Enqueued.QUEUED) {
                report.queued++;
            }
        }
        if (deal) {
            report.deals++;
        }
        return Handled.DONE;
    }

    private Listing details(Listing listing) {
        try {
            return source.details(listing).orElse(null);
        } catch (PluginException | PluginFailure e) {
            LOG.debug("No details for listing {}: {}", listing.id(), e.getMessage());
            return null;
        }
    }
}
