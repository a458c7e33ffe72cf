package io.vinyldetective.engine.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vinyldetective.api.Deal;
import io.vinyldetective.api.Grade;
import io.vinyldetective.api.Listing;
import io.vinyldetective.api.MatchResult;
import io.vinyldetective.api.Money;
import io.vinyldetective.api.PriceQuote;
import io.vinyldetective.api.Release;
import io.vinyldetective.engine.scoring.Scored.Outcome;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DealScorerTest {

    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
    private static final String UNGRADED = "Art Blakey Moanin' LP Blue Note";
    private static final Listing.Seller TRUSTED = new Listing.Seller("crate", 1234, 99.8);

    private final DealScorer scorer = new DealScorer(Clock.fixed(NOW, ZoneOffset.UTC));

    // --- discount and shipping

    @Test
    void discountIsAgainstPricePlusShipping() {
        Scored s = score(listing(UNGRADED, "40.00", "5.00"), Map.of(1L, List.of(suggestion(1, Grade.VERY_GOOD_PLUS, "100.00"))));

        assertEquals(Outcome.DEAL, s.outcome());
        assertTrue(s.isDeal());
        assertEquals(0.55, s.discount(), 1e-12);
        Deal deal = s.deal();
        assertEquals(Money.of("45.00", "EUR"), deal.landedCost());
        assertEquals(0.55, deal.discount(), 1e-12);
        assertEquals(Deal.Priority.HIGH, deal.priority());
        assertEquals(List.of(), deal.flags());
        assertEquals("55 % below 100.00 EUR, threshold 25 %", s.detail());
    }

    @Test
    void unknownShippingIsNoDealUnlessAllowed() {
        Listing listing = listing(UNGRADED, "40.00", null);
        Map<Long, List<PriceQuote>> quotes = Map.of(1L, List.of(suggestion(1, Grade.VERY_GOOD_PLUS, "100.00")));

        Scored strict = scorer.score(listing, match(1), releases(1), quotes, 0.25, false);
        assertEquals(Outcome.UNKNOWN_SHIPPING, strict.outcome());
        assertFalse(strict.isDeal());
        assertNull(strict.deal());
        assertNull(strict.discount());
        assertEquals("shipping unknown; price alone 60 % below 100.00 EUR", strict.detail());

        Scored lenient = scorer.score(listing, match(1), releases(1), quotes, 0.25, true);
        assertEquals(Outcome.DEAL, lenient.outcome());
        assertEquals(Money.of("40.00", "EUR"), lenient.deal().landedCost());
        assertEquals(0.60, lenient.discount(), 1e-12);
        assertEquals(List.of(DealScorer.SHIPPING_UNKNOWN), lenient.deal().flags());
    }

    @Test
    void shippingInAnotherCurrencyCountsAsUnknown() {
        Listing listing = new Listing("1", "ebay", UNGRADED, Money.of("40.00", "EUR"), Money.of("5.00", "GBP"), null,
                null, null, null, null, TRUSTED, null, null, null, null, null);

        assertEquals(Outcome.UNKNOWN_SHIPPING,
                score(listing, Map.of(1L, List.of(suggestion(1, Grade.VERY_GOOD_PLUS, "100.00")))).outcome());
    }

    @Test
    void noPriceAndNoQuotesAreNotDeals() {
        Listing unpriced = new Listing("1", "ebay", UNGRADED, null, null, null, null, null, null, null, null, null,
                null, null, null, null);
        assertEquals(Outcome.NO_PRICE, score(unpriced, Map.of()).outcome());

        Scored none = score(listing(UNGRADED, "40.00", "5.00"), Map.of());
        assertEquals(Outcome.NO_REFERENCE, none.outcome());
        assertNull(none.discount());
        assertEquals(Outcome.NO_REFERENCE, score(listing(UNGRADED, "40.00", "5.00"), Map.of(1L, List.of())).outcome());
    }

    // --- which reference

    @Test
    void aGradedListingIsPricedAtItsGrade() {
        List<PriceQuote> quotes = List.of(suggestion(1, Grade.NEAR_MINT, "80.00"),
                suggestion(1, Grade.VERY_GOOD_PLUS, "50.00"), lowestListed(1, "30.00", 12));

        Scored s = score(listing("Art Blakey Moanin' LP NM", "36.00", "4.00"), Map.of(1L, quotes));

        assertEquals(quotes.get(0), s.deal().reference());
        assertEquals(0.5, s.discount(), 1e-12);
    }

    @Test
    void aMissingGradeFallsToTheNearestLowerGrade() {
        List<PriceQuote> quotes = List.of(suggestion(1, Grade.MINT, "120.00"),
                suggestion(1, Grade.VERY_GOOD_PLUS, "50.00"), suggestion(1, Grade.VERY_GOOD, "30.00"));

        Scored s = score(listing("Art Blakey Moanin' LP NM", "20.00", "5.00"), Map.of(1L, quotes));

        assertEquals(quotes.get(1), s.deal().reference());
    }

    @Test
    void aGradeWithNothingAtOrBelowItFallsToTheLowestListedNeverToAHigherGrade() {
        List<PriceQuote> higher = List.of(suggestion(1, Grade.NEAR_MINT, "80.00"), suggestion(1, Grade.VERY_GOOD_PLUS, "50.00"));
        Listing poorCopy = listing("Art Blakey Moanin' LP G+", "5.00", "5.00");

        assertEquals(Outcome.NO_REFERENCE, score(poorCopy, Map.of(1L, higher)).outcome());

        PriceQuote lowest = lowestListed(1, "20.00", 12);
        Scored s = score(poorCopy, Map.of(1L, List.of(higher.get(0), higher.get(1), lowest)));
        assertEquals(lowest, s.deal().reference());
        assertEquals(0.5, s.discount(), 1e-12);
    }

    @Test
    void anUngradedListingIsPricedAtTheLowerOfVgPlusAndLowestListed() {
        PriceQuote vgPlus = suggestion(1, Grade.VERY_GOOD_PLUS, "50.00");
        Listing listing = listing(UNGRADED, "10.00", "5.00");

        assertEquals(vgPlus, score(listing, Map.of(1L, List.of(suggestion(1, Grade.NEAR_MINT, "80.00"), vgPlus,
                lowestListed(1, "60.00", 12)))).deal().reference());
        PriceQuote cheap = lowestListed(1, "30.00", 12);
        assertEquals(cheap, score(listing, Map.of(1L, List.of(vgPlus, cheap))).deal().reference());
        assertEquals(cheap, score(listing, Map.of(1L, List.of(cheap))).deal().reference());
    }

    @Test
    void anUngradedListingWithoutVgPlusUsesTheNearestLowerGradeOnly() {
        Listing listing = listing(UNGRADED, "10.00", "5.00");
        PriceQuote vg = suggestion(1, Grade.VERY_GOOD, "40.00");

        assertEquals(vg, score(listing, Map.of(1L, List.of(suggestion(1, Grade.NEAR_MINT, "80.00"), vg)))
                .deal().reference());
        assertEquals(Outcome.NO_REFERENCE, score(listing, Map.of(1L, List.of(suggestion(1, Grade.MINT, "90.00"),
                suggestion(1, Grade.NEAR_MINT, "80.00")))).outcome());
    }

    @Test
    void quotesInAnotherCurrencyOrWithoutAPositivePriceAreIgnored() {
        Listing listing = listing(UNGRADED, "10.00", "5.00");
        PriceQuote eur = suggestion(1, Grade.VERY_GOOD_PLUS, "50.00");
        PriceQuote usd = new PriceQuote(1, Money.of("20.00", "USD"), null, "discogs:lowest_listed", 4, NOW);
        PriceQuote zero = lowestListed(1, "0.00", 4);

        assertEquals(eur, score(listing, Map.of(1L, List.of(usd, zero, eur))).deal().reference());
        assertEquals(Outcome.NO_REFERENCE, score(listing, Map.of(1L, List.of(usd, zero))).outcome());
    }

    @Test
    void severalPressingsUseTheLowestReferenceAndItsRelease() {
        Map<Long, List<PriceQuote>> quotes = Map.of(
                1L, List.of(suggestion(1, Grade.VERY_GOOD_PLUS, "100.00")),
                2L, List.of(suggestion(2, Grade.VERY_GOOD_PLUS, "60.00")),
                3L, List.of(suggestion(3, Grade.VERY_GOOD_PLUS, "80.00")));

        Scored s = scorer.score(listing(UNGRADED, "25.00", "5.00"), match(1, 2, 3), releases(1, 2, 3), quotes, 0.25, false);

        assertEquals(2, s.deal().release().id());
        assertEquals(quotes.get(2L).get(0), s.deal().reference());
        assertEquals(0.5, s.discount(), 1e-12);
        assertEquals(List.of("3 possible pressings: lowest reference used"), s.deal().flags());
    }

    @Test
    void aCandidateWithoutAKnownReleaseOrQuotesIsSkipped() {
        Map<Long, List<PriceQuote>> quotes = Map.of(
                1L, List.of(suggestion(1, Grade.VERY_GOOD_PLUS, "100.00")),
                2L, List.of(suggestion(2, Grade.VERY_GOOD_PLUS, "10.00")));

        Scored s = scorer.score(listing(UNGRADED, "25.00", "5.00"), match(1, 2, 3), releases(1, 3), quotes, 0.25, false);

        assertEquals(1, s.deal().release().id());
        assertEquals(List.of("3 possible pressings: only one has a reference price"), s.deal().flags());
    }

    // --- priority and threshold

    @Test
    void exactlyTheThresholdIsANormalDealJustBelowIsNot() {
        Map<Long, List<PriceQuote>> quotes = Map.of(1L, List.of(suggestion(1, Grade.VERY_GOOD_PLUS, "100.00")));

        Scored at = score(listing(UNGRADED, "70.00", "5.00"), quotes);
        assertEquals(Deal.Priority.NORMAL, at.deal().priority());
        assertEquals(0.25, at.discount(), 0);

        Scored below = score(listing(UNGRADED, "70.01", "5.00"), quotes);
        assertEquals(Outcome.BELOW_THRESHOLD, below.outcome());
        assertNull(below.deal());
        assertEquals(0.2499, below.discount(), 1e-12);
        assertEquals("24.9 % below 100.00 EUR, threshold 25 %", below.detail());
    }

    @Test
    void exactlyFortyPercentIsHigh() {
        Map<Long, List<PriceQuote>> quotes = Map.of(1L, List.of(suggestion(1, Grade.VERY_GOOD_PLUS, "100.00")));

        assertEquals(Deal.Priority.HIGH, score(listing(UNGRADED, "55.00", "5.00"), quotes).deal().priority());
        assertEquals(Deal.Priority.NORMAL, score(listing(UNGRADED, "55.01", "5.00"), quotes).deal().priority());
    }

    @Test
    void aThresholdAboveFortyPercentGivesOnlyHighDeals() {
        Map<Long, List<PriceQuote>> quotes = Map.of(1L, List.of(suggestion(1, Grade.VERY_GOOD_PLUS, "100.00")));
        Listing fortyFive = listing(UNGRADED, "50.00", "5.00");
        Listing fifty = listing(UNGRADED, "45.00", "5.00");

        assertEquals(Outcome.BELOW_THRESHOLD, scorer.score(fortyFive, match(1), releases(1), quotes, 0.5, false).outcome());
        assertEquals(Deal.Priority.HIGH, scorer.score(fifty, match(1), releases(1), quotes, 0.5, false).deal().priority());
    }

    @Test
    void aListingDearerThanItsReferenceSaysSo() {
        Scored s = score(listing(UNGRADED, "115.00", "5.00"), Map.of(1L, List.of(suggestion(1, Grade.VERY_GOOD_PLUS, "100.00"))));

        assertEquals(-0.2, s.discount(), 1e-12);
        assertEquals("20 % above 100.00 EUR, threshold 25 %", s.detail());
    }

    // --- flags

    @Test
    void fewCopiesForSaleIsAThinMarket() {
        assertEquals(List.of("thin market: only 2 copies for sale on Discogs"), flagsWithCopiesForSale(2));
        assertEquals(List.of("thin market: only 1 copy for sale on Discogs"), flagsWithCopiesForSale(1));
        assertEquals(List.of(), flagsWithCopiesForSale(DealScorer.THIN_MARKET));
        assertEquals(List.of(), flagsWithCopiesForSale(null));
    }

    @Test
    void noCopiesForSaleIsReadFromTheSuggestionsWhenThereIsNoLowestListed() {
        PriceQuote vgPlus = new PriceQuote(1, Money.of("50.00", "EUR"), Grade.VERY_GOOD_PLUS, "discogs:price_suggestion", 0, NOW);

        assertEquals(List.of("no copies for sale on Discogs"),
                score(listing(UNGRADED, "20.00", "5.00"), Map.of(1L, List.of(vgPlus))).deal().flags());
    }

    @Test
    void aBigDiscountFromAnUntestedSellerIsTooGoodToBeTrue() {
        assertEquals(List.of("too good to be true? seller has 9 feedback, 100 % positive"),
                flagsFromSeller("40.00", new Listing.Seller("new", 9, 100.0)));
        assertEquals(List.of("too good to be true? seller has 500 feedback, 94.5 % positive"),
                flagsFromSeller("40.00", new Listing.Seller("poor", 500, 94.5)));
        assertEquals(List.of("too good to be true? seller has 3 feedback"),
                flagsFromSeller("40.00", new Listing.Seller("new", 3, null)));
        assertEquals(List.of("too good to be true? seller is 80 % positive"),
                flagsFromSeller("40.00", new Listing.Seller("poor", null, 80.0)));
    }

    @Test
    void anEstablishedSellerOrASmallerDiscountIsNotFlagged() {
        assertEquals(List.of(), flagsFromSeller("40.00", new Listing.Seller("ok", DealScorer.MIN_SELLER_FEEDBACK,
                DealScorer.MIN_SELLER_PERCENT)));
        assertEquals(List.of(), flagsFromSeller("40.01", new Listing.Seller("new", 1, 50.0)));
        assertEquals(List.of(), flagsFromSeller("40.00", null));
    }

    @Test
    void aReferenceOlderThanThirtyDaysShowsItsDate() {
        Instant old = NOW.minus(DealScorer.STALE_AFTER).minusSeconds(1);
        Instant recent = NOW.minus(DealScorer.STALE_AFTER);
        Listing listing = listing(UNGRADED, "20.00", "5.00");

        assertEquals(List.of("reference price from 2026-10-26"), score(listing, Map.of(1L, List.of(
                new PriceQuote(1, Money.of("50.00", "EUR"), Grade.VERY_GOOD_PLUS, "discogs:price_suggestion", null, old))))
                .deal().flags());
        assertEquals(List.of(), score(listing, Map.of(1L, List.of(
                new PriceQuote(1, Money.of("50.00", "EUR"), Grade.VERY_GOOD_PLUS, "discogs:price_suggestion", null, recent))))
                .deal().flags());
    }

    // --- helpers

    private List<String> flagsWithCopiesForSale(Integer forSale) {
        List<PriceQuote> quotes = List.of(
                new PriceQuote(1, Money.of("50.00", "EUR"), Grade.VERY_GOOD_PLUS, "discogs:price_suggestion", forSale, NOW),
                new PriceQuote(1, Money.of("60.00", "EUR"), null, "discogs:lowest_listed", forSale, NOW));
        return score(listing(UNGRADED, "20.00", "5.00"), Map.of(1L, quotes)).deal().flags();
    }

    /** A 60 % discount at a landed cost of 40.00 + 0.00. */
    private List<String> flagsFromSeller(String price, Listing.Seller seller) {
        Listing listing = new Listing("1", "ebay", UNGRADED, Money.of(price, "EUR"), Money.of("0.00", "EUR"), null, null,
                null, null, null, seller, null, null, null, null, null);
        return score(listing, Map.of(1L, List.of(suggestion(1, Grade.VERY_GOOD_PLUS, "100.00")))).deal().flags();
    }

    private Scored score(Listing listing, Map<Long, List<PriceQuote>> quotes) {
        return scorer.score(listing, match(1), releases(1), quotes, 0.25, false);
    }

    private static Listing listing(String title, String price, String shipping) {
        return new Listing("1", "ebay", title, Money.of(price, "EUR"), shipping == null ? null : Money.of(shipping, "EUR"),
                "Used", "3000", null, null, null, TRUSTED, null, null, null, null, null);
    }

    private static PriceQuote suggestion(long releaseId, Grade grade, String price) {
        return new PriceQuote(releaseId, Money.of(price, "EUR"), grade, "discogs:price_suggestion", 12, NOW);
    }

    private static PriceQuote lowestListed(long releaseId, String price, Integer forSale) {
        return new PriceQuote(releaseId, Money.of(price, "EUR"), null, "discogs:lowest_listed", forSale, NOW);
    }

    private static MatchResult match(long... ids) {
        return new MatchResult(Arrays.stream(ids).boxed().toList(), "catalog_no", 0.95, List.of());
    }

    private static Map<Long, Release> releases(long... ids) {
        Map<Long, Release> releases = new HashMap<>();
        for (long id : ids) {
            releases.put(id, new Release(id, "Moanin'", List.of("Art Blakey"), null, null, null, null, null, 1959, null));
        }
        return releases;
    }
}
