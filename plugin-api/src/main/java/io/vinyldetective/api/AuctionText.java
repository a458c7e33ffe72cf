package io.vinyldetective.api;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;

/**
 * The auction line of an alert card, the same in every notifier: {@code Auction: current bid 12.50 USD
 * (3 bids) · ends in 28 min (14:32 UTC)}. Plain text; a notifier escapes it for its markup.
 *
 * @since 1.3.0
 */
public final class AuctionText {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private AuctionText() {
    }

    /** The line for an auction-only listing with an end date, as of {@code now}; empty for any other listing. */
    public static Optional<String> of(Listing listing, Instant now) {
        if (!listing.auctionOnly() || listing.endsAt() == null) {
            return Optional.empty();
        }
        StringBuilder sb = new StringBuilder("Auction: ");
        Money bid = listing.currentBid() != null ? listing.currentBid() : listing.price();
        if (bid != null) {
            sb.append("current bid ").append(DealText.money(bid));
            if (listing.bidCount() != null) {
                sb.append(" (").append(listing.bidCount()).append(listing.bidCount() == 1 ? " bid)" : " bids)");
            }
            sb.append(" · ");
        }
        sb.append(timeLeft(Duration.between(now, listing.endsAt()))).append(" (")
                .append(CLOCK.format(listing.endsAt())).append(')');
        return Optional.of(sb.toString());
    }

    /** {@code ends in 28 min}, {@code ends in 2 h 05 min}, {@code ends in 3 days}, or {@code ended}. */
    public static String timeLeft(Duration left) {
        if (left.isNegative() || left.isZero()) {
            return "ended";
        }
        long minutes = Math.max(1, (left.getSeconds() + 59) / 60);
        if (minutes < 60) {
            return "ends in " + minutes + " min";
        }
        if (minutes < 48 * 60) {
            return String.format(Locale.ROOT, "ends in %d h %02d min", minutes / 60, minutes % 60);
        }
        return "ends in " + minutes / (24 * 60) + " days";
    }
}
