package io.vinyldetective.engine.polling;

import io.vinyldetective.api.Listing;
import io.vinyldetective.api.ListingQuery;
import io.vinyldetective.api.PluginException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One look at the auctions of one query that end soon, for the subscribers that asked for auctions
 * (saved searches with {@code auctions:on}, or the watches of a batch that want them).
 *
 * <p>An auction is dealt with once, at the poll that sees it closest to {@code alert-before} from its
 * end: the source is asked for the auctions ending before {@code now + alert-before + interval} (so none
 * falls between two polls), and an auction is handled when its time left is at most {@code alert-before
 * + interval / 2}; one ending later waits for the next poll, which is nearer. With the default 30 minutes
 * and a poll every 30 minutes, an auction is alerted with 15 to 45 minutes left. An auction seen first
 * with less time left is still handled, unless it ends within {@link #TOO_LATE}: nobody can bid by then.
 *
 * <p>What was handled is marked seen under the query's auctions key, so a deal is alerted once, at its
 * current bid; the outbox's one row per (chat, listing) keeps an auction alerted earlier as a
 * buy-it-now listing from being alerted again. When prices are unavailable the auction stays unseen and
 * the next poll tries it again while there is time.
 */
final class AuctionPoll {

    /** An auction ending sooner than this is not alerted: too late to bid. */
    static final Duration TOO_LATE = Duration.ofMinutes(2);
    private static final Logger LOG = LoggerFactory.getLogger(AuctionPoll.class);

    private final PollContext context;
    private final Clock clock;

    AuctionPoll(PollContext context, Clock clock) {
        this.context = context;
        this.clock = clock;
    }

    /** Whether the source has auctions at all. */
    boolean available() {
        try {
            return context.source().auctions();
        } catch (RuntimeException e) {
            return false;
        }
    }

    /**
     * Asks the source for the query's auctions ending soon and hands those due now to the handler.
     *
     * @param interval how often this query's auctions are looked at
     * @throws PluginException.RetryLater when the source cannot be asked now (nothing is marked seen)
     */
    PollReport poll(QueryKey key, ListingQuery query, ListingHandler handler, Duration interval, boolean detailsAllowed) {
        PollReport report = new PollReport();
        Duration before = context.settings().auctionAlertBefore();
        Instant now = clock.instant();
        List<Listing> ending = context.source().endingAuctions(query, now.plus(before).plus(interval));
        report.listings = ending.size();
        Instant dueBy = now.plus(before).plus(interval.dividedBy(2));
        List<String> done = new ArrayList<>();
        SeenListings seen = context.seen();
        for (Listing auction : ending) {
            if (auction.endsAt() == null || seen.seen(key, auction.id())) {
                continue;
            }
            if (auction.endsAt().isAfter(dueBy)) {
                report.waiting++;
                continue;
            }
            if (Duration.between(now, auction.endsAt()).compareTo(TOO_LATE) < 0) {
                done.add(auction.id());
                continue;
            }
            if (report.dealt >= context.settings().maxListingsPerPoll()) {
                report.waiting++;
                continue;
            }
            report.fresh++;
            report.dealt++;
            seen.record(auction);
            Handled handled;
            try {
                handled = handler.handle(auction, detailsAllowed, report);
            } catch (PluginException.RetryLater e) {
                LOG.info("Prices unavailable for now ({}); auctions ending soon are tried again at the next look",
                        e.getMessage());
                report.retried++;
                break;
            }
            if (handled == Handled.RETRY) {
                report.retried++;
                continue;
            }
            done.add(auction.id());
        }
        seen.markSeen(key, done);
        return report;
    }
}
