package io.vinyldetective.plugins.telegram;

import io.vinyldetective.api.Alert;
import io.vinyldetective.api.Deal;
import io.vinyldetective.api.Grade;
import io.vinyldetective.api.Listing;
import io.vinyldetective.api.MatchResult;
import io.vinyldetective.api.MediaFormat;
import io.vinyldetective.api.Money;
import io.vinyldetective.api.PriceQuote;
import io.vinyldetective.api.Release;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Alerts for tests. */
final class Deals {

    private Deals() {
    }

    static Alert alert(String chat, String listingTitle, String releaseTitle, String imageUrl) {
        Listing listing = new Listing("v1|1234567890|0", "ebay", listingTitle, Money.of("40.00", "EUR"),
                Money.of("5.50", "EUR"), "Used", "3000", MediaFormat.VINYL, null, Map.of(),
                new Listing.Seller("crate<digger>", 1234, 99.8), List.of("FIXED_PRICE"), null, imageUrl,
                "https://www.ebay.de/itm/1234567890?campid=42&mkevt=1", Instant.parse("2026-11-25T10:00:00Z"));
        Release release = new Release(249504, releaseTitle, List.of("Art Blakey & The Jazz Messengers"),
                List.of(new Release.LabelCatalogNumber("Blue Note", "BLP 4003")), List.of(), MediaFormat.VINYL,
                "Vinyl, LP, Album, Mono", "US", 1959, 53213L);
        MatchResult match = new MatchResult(List.of(249504L), "catalog_no", 0.97, List.of("catalog number BLP 4003", "label Blue Note"));
        PriceQuote reference = new PriceQuote(249504, Money.of("120.00", "EUR"), Grade.VERY_GOOD_PLUS,
                "discogs:price_suggestion", 7, Instant.parse("2026-11-25T09:00:00Z"));
        Deal deal = new Deal(listing, release, match, reference, Money.of("45.50", "EUR"), 0.62, Deal.Priority.HIGH,
                List.of("seller has <100 ratings & no returns"));
        return new Alert(7, chat, deal);
    }

    static Alert alert(String chat, String imageUrl) {
        return alert(chat, "ART BLAKEY Moanin' LP BLUE NOTE BLP 4003 mono", "Moanin'", imageUrl);
    }
}
