package io.vinyldetective.engine.polling;

import io.vinyldetective.api.Listing;
import io.vinyldetective.api.ListingQuery;
import io.vinyldetective.api.PluginException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One poll of one query of one source, for the subscribers that share it (saved searches, or a batch
 * of watches: the {@link ListingHandler}): new listings from the source, then the handler for each.
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

    private final String sourceId;
    private final PollContext context;
    private final SeenListings seen;
    private final PollSettings settings;
    private final Map<String, Integer> retries = new HashMap<>();
    /** Per query, listings fetched but not yet dealt with (over the per-poll cap, or to retry), oldest last. */
    private final Map<QueryKey, Map<String, Listing>> backlog = new HashMap<>();

    SearchPoll(String sourceId, PollContext context) {
        this.sourceId = sourceId;
        this.context = context;
        this.seen = context.seen();
        this.settings = context.settings();
    }

    PollContext context() {
        return context;
    }

    /**
     * Polls the query once for its subscribers: asks the source for new listings (unless {@code fetch} is
     * false: a catch-up turn that only works through the backlog), then deals with at most
     * {@link PollSettings#maxListingsPerPoll()} listings, newest first; the rest wait in the backlog
     * for the next turn, so one broad first poll cannot hold up every other search for minutes.
     *
     * @param query          what to ask the source, with when it was last asked
     * @param detailsAllowed whether item look-ups may be spent (not while the budget is stretched)
     * @throws PluginException.RetryLater when the source cannot be asked now (nothing is marked seen)
     */
    PollReport poll(QueryKey key, ListingQuery query, ListingHandler handler, boolean detailsAllowed, boolean fetch) {
        PollReport report = new PollReport();
        report.catchUp = !fetch;
        Map<String, Listing> queue = backlog.computeIfAbsent(key, k -> seen.backlog(k, sourceId));
        List<Listing> work = new ArrayList<>();
        if (fetch) {
            // The source asks about the listings it pages through; remember its answers rather than ask the database twice.
            Map<String, Boolean> answers = new HashMap<>();
            Predicate<String> alreadySeen = id -> answers.computeIfAbsent(id, i -> seen.seen(key, i));
            List<Listing> listings = context.source().newListings(query, alreadySeen);
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
                handled = handler.handle(listing, detailsAllowed, report);
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
}
