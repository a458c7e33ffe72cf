package io.vinyldetective.engine.alerts;

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

final class TestDeals {

    private TestDeals() {
    }

    static Deal full(String listingId, long releaseId) {
        Listing listing = new Listing(listingId, "ebay", "Moanin' <LP> & \"mono\" 🎶", Money.of("40.10", "EUR"),
                Money.of("5.00", "EUR"), "Used", "3000", MediaFormat.VINYL, "0724349532428",
                Map.of("Artist", "Art Blakey", "Catalog Number", "BLP 4003"), new Listing.Seller("crate", 1234, 99.8),
                List.of("FIXED_PRICE", "BEST_OFFER"), null, "https://img/x.jpg", "https://www.ebay.de/itm/1?campid=1&x=2",
                Instant.parse("2026-11-25T10:00:00Z"));
        Release release = new Release(releaseId, "Moanin'", List.of("Art Blakey", "The Jazz Messengers"),
                List.of(new Release.LabelCatalogNumber("Blue Note", "BLP 4003"), new Release.LabelCatalogNumber("Liberty", null)),
                List.of("0724349532428"), MediaFormat.VINYL, "Vinyl, LP, Album, Mono", "US", 1959, 53213L);
        return new Deal(listing, release, new MatchResult(List.of(releaseId, 7L), "catalog_no", 0.97, List.of("catalog number")),
                new PriceQuote(releaseId, Money.of("120.00", "EUR"), Grade.VERY_GOOD_PLUS, "discogs:price_suggestion", 7,
                        Instant.parse("2026-11-25T09:00:00Z")),
                Money.of("45.10", "EUR"), 0.62, Deal.Priority.HIGH, List.of("thin market"));
    }

    /** {@link #full} as an auction-only listing at its current bid, ending at {@code endsAt}, with 3 bids. */
    static Deal auction(String listingId, long releaseId, Instant endsAt) {
        Deal deal = full(listingId, releaseId);
        Listing l = deal.listing();
        Listing auction = new Listing(l.id(), l.source(), l.title(), l.price(), l.shipping(), l.condition(), l.conditionId(),
                l.format(), l.gtin(), l.aspects(), l.seller(), List.of(Listing.AUCTION), l.price(), l.imageUrl(), l.webUrl(),
                l.createdAt(), endsAt, 3);
        return new Deal(auction, deal.release(), deal.match(), deal.reference(), deal.landedCost(), deal.discount(),
                deal.priority(), deal.flags());
    }

    static Deal minimal(String listingId, long releaseId) {
        Listing listing = new Listing(listingId, null, "t", Money.of("1", "USD"), null, null, null, null, null, null, null,
                null, null, null, null, null);
        Release release = new Release(releaseId, "r", null, null, null, null, null, null, null, null);
        return new Deal(listing, release, new MatchResult(List.of(releaseId), "fuzzy", 0.5, null),
                new PriceQuote(releaseId, Money.of("10", "USD"), null, "s", null, Instant.EPOCH),
                Money.of("1", "USD"), 0.9, Deal.Priority.NORMAL, null);
    }
}
