package io.vinyldetective.plugins.ntfy;

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

/** Alerts for tests: a Björk pressing, so the card has characters a header cannot carry as they are. */
final class Deals {

    static final String LINK = "https://www.ebay.de/itm/1234567890?campid=42&mkevt=1";

    private Deals() {
    }

    static Deal deal(Deal.Priority priority) {
        Listing listing = new Listing("v1|1234567890|0", "ebay", "BJÖRK Debut LP One Little Indian TPLP31 1993 UK",
                Money.of("40.00", "EUR"), Money.of("5.50", "EUR"), "Used", "3000", MediaFormat.VINYL, null, Map.of(),
                new Listing.Seller("crate_digger", 1234, 99.8), List.of("FIXED_PRICE"), null, null, LINK,
                Instant.parse("2026-11-25T10:00:00Z"));
        Release release = new Release(37220, "Debut", List.of("Björk"),
                List.of(new Release.LabelCatalogNumber("One Little Indian", "TPLP31")), List.of(), MediaFormat.VINYL,
                "Vinyl, LP, Album", "UK", 1993, 5876L);
        return new Deal(listing, release, new MatchResult(List.of(37220L), "catalog_no", 0.97, List.of("catalog number TPLP31")),
                new PriceQuote(37220, Money.of("120.00", "EUR"), Grade.VERY_GOOD_PLUS, "discogs:price_suggestion", 7,
                        Instant.parse("2026-11-25T09:00:00Z")),
                Money.of("45.50", "EUR"), 0.62, priority, List.of("thin market: 7 for sale"));
    }

    static Alert alert(String recipient) {
        return new Alert(7, recipient, deal(Deal.Priority.HIGH));
    }
}
