package io.vinyldetective.plugins.console;

import io.vinyldetective.api.Alert;
import io.vinyldetective.api.AuctionText;
import io.vinyldetective.api.Deal;
import io.vinyldetective.api.Listing;
import io.vinyldetective.api.PriceQuote;
import io.vinyldetective.api.Release;
import java.time.Instant;
import java.util.Locale;
import java.util.StringJoiner;

/** Renders a deal as a plain-text card. */
final class DealCard {

    private DealCard() {
    }

    /** The card as of {@code now} (an auction's time left counts from it). */
    static String render(Alert alert, Instant now) {
        Deal deal = alert.deal();
        Listing listing = deal.listing();
        Release release = deal.release();
        PriceQuote reference = deal.reference();
        StringBuilder sb = new StringBuilder();
        sb.append(deal.priority() == Deal.Priority.HIGH ? "🔥 " : "").append(String.format(Locale.ROOT, "%.0f%% below",
                deal.discount() * 100)).append(" · to ").append(alert.recipient()).append('\n');
        sb.append(release.artistLine()).append(" — ").append(release.title()).append('\n');
        StringJoiner about = new StringJoiner(" · ");
        if (release.formatDescription() != null) {
            about.add(release.formatDescription());
        }
        release.labels().stream().findFirst().ifPresent(l -> about.add(l.label()
                + (l.catalogNumber() == null ? "" : " " + l.catalogNumber())));
        if (release.country() != null) {
            about.add(release.country());
        }
        if (release.year() != null) {
            about.add(release.year().toString());
        }
        if (about.length() > 0) {
            sb.append(about).append('\n');
        }
        sb.append("Listing: ").append(listing.title()).append('\n');
        sb.append("Price: ").append(listing.price());
        sb.append(listing.shipping() == null ? " + shipping unknown" : " + " + listing.shipping() + " shipping");
        sb.append(" = ").append(deal.landedCost()).append('\n');
        AuctionText.of(listing, now).ifPresent(line -> sb.append(line).append('\n'));
        sb.append("Reference: ").append(reference.price()).append(" (").append(reference.source());
        if (reference.grade() != null) {
            sb.append(", ").append(reference.grade().discogsName());
        }
        if (reference.forSale() != null) {
            sb.append(", ").append(reference.forSale()).append(" for sale");
        }
        sb.append(")\n");
        sb.append("Match: ").append(deal.match().method()).append(String.format(Locale.ROOT, " %.2f", deal.match().confidence()));
        if (!deal.match().reasons().isEmpty()) {
            sb.append(" — ").append(String.join("; ", deal.match().reasons()));
        }
        sb.append('\n');
        for (String flag : deal.flags()) {
            sb.append("⚠ ").append(flag).append('\n');
        }
        if (listing.webUrl() != null) {
            sb.append(listing.webUrl()).append('\n');
        }
        return sb.toString();
    }
}
