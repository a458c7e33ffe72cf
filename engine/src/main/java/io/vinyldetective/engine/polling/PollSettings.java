package io.vinyldetective.engine.polling;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * How the daemon polls ({@code vinyl-detective.poll.*}).
 *
 * @param budgetReserve      fraction of a source's daily call budget kept back from scheduled polls, for
 *                           item look-ups and searches just added
 * @param maxDetailsPerPoll  item look-ups ({@code ListingSource.details}) a poll may spend on listings no
 *                           tier could match from the search result alone
 * @param maxPricedCandidates candidate pressings of one match that are priced (the lowest reference wins)
 * @param listingRetention   how long a seen listing is remembered; the daily cleanup forgets older ones
 * @param retryLimit         polls a listing is kept unseen for when the oracle or a tier was unavailable
 * @param maxListingsPerPoll listings one poll deals with; more wait for catch-up turns {@code catchUp} apart,
 *                           so a broad first poll (matching unknown listings costs paced oracle calls)
 *                           does not hold up the other searches
 * @param catchUp            the pause between catch-up turns
 * @param auctionAlertBefore how long before its end an auction is alerted ({@code AUCTION_ALERT_BEFORE}), for
 *                           searches and wants with auctions on; each is alerted once, at its current bid
 */
@ConfigurationProperties(PollSettings.PREFIX)
public record PollSettings(
        @Bindable(defaultValue = "0.05") double budgetReserve,
        @Bindable(defaultValue = "3") int maxDetailsPerPoll,
        @Bindable(defaultValue = "5") int maxPricedCandidates,
        @Bindable(defaultValue = "30d") Duration listingRetention,
        @Bindable(defaultValue = "5") int retryLimit,
        @Bindable(defaultValue = "40") int maxListingsPerPoll,
        @Bindable(defaultValue = "5s") Duration catchUp,
        @Bindable(defaultValue = "30m") Duration auctionAlertBefore) {

    public static final String PREFIX = "vinyl-detective.poll";
    /** The property {@code AUCTION_ALERT_BEFORE} sets. */
    public static final String AUCTION_ALERT_BEFORE = PREFIX + ".auction-alert-before";

    /** The defaults, for tests and tools. */
    public static PollSettings defaults() {
        return new PollSettings(0.05, 3, 5, Duration.ofDays(30), 5, 40, Duration.ofSeconds(5), Duration.ofMinutes(30));
    }

    /** The same settings with another auction lead, for tests. */
    public PollSettings withAuctionAlertBefore(Duration before) {
        return new PollSettings(budgetReserve, maxDetailsPerPoll, maxPricedCandidates, listingRetention, retryLimit,
                maxListingsPerPoll, catchUp, before);
    }
}
