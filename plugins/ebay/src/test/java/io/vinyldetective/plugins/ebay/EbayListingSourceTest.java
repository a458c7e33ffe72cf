package io.vinyldetective.plugins.ebay;

import io.vinyldetective.api.Budget;
import io.vinyldetective.api.Listing;
import io.vinyldetective.api.ListingQuery;
import io.vinyldetective.api.MediaFormat;
import io.vinyldetective.api.Money;
import io.vinyldetective.api.PluginException;
import io.vinyldetective.api.PluginStore;
import io.vinyldetective.engine.http.HttpGatewayConfiguration;
import io.vinyldetective.plugins.ebay.FakeEbay.Answer;
import io.vinyldetective.plugins.ebay.FakeEbay.Seen;
import io.vinyldetective.plugins.ebay.TestContext.MovableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EbayListingSourceTest {

    /** 10:00 in California (PST): the eBay day ends at 2026-11-26T08:00:00Z. */
    private static final Instant MORNING = Instant.parse("2026-11-25T18:00:00Z");
    private static final Instant EBAY_MIDNIGHT = Instant.parse("2026-11-26T08:00:00Z");
    private static final String SEARCH = "/buy/browse/v1/item_summary/search";
    private static final String ITEM = "/buy/browse/v1/item/";
    private static final String TOKEN = "/identity/v1/oauth2/token";
    private static final ListingQuery BLUE_NOTE = new ListingQuery("blue note", MediaFormat.VINYL, null, "USD", false);
    private static final Predicate<String> NOTHING_SEEN = id -> false;

    private FakeEbay ebay;
    private MovableClock clock;
    private PluginStore store;
    private TestContext context;

    @BeforeEach
    void start() throws IOException {
        ebay = new FakeEbay().withListings(120);
        clock = new MovableClock(MORNING);
        store = PluginStore.inMemory();
    }

    @AfterEach
    void stop() {
        ebay.close();
    }

    private EbayListingSource source(String... settings) {
        return source(TestContext.FAST, settings);
    }

    private EbayListingSource source(HttpGatewayConfiguration http, String... settings) {
        Map<String, String> raw = new HashMap<>();
        raw.put("app-id", FakeEbay.APP_ID);
        raw.put("cert-id", FakeEbay.CERT_ID);
        raw.put("base-url", ebay.baseUrl());
        for (int i = 0; i < settings.length; i += 2) {
            raw.put(settings[i], settings[i + 1]);
        }
        context = new TestContext(raw, http, clock, store);
        EbayListingSource source = new EbayListingSource();
        source.start(context);
        return source;
    }

    /** What earlier polls saw: listing {@code index} and every older one. */
    private static Predicate<String> seenFrom(FakeEbay ebay, int index) {
        Set<String> seen = new HashSet<>();
        for (int i = index; i < ebay.size(); i++) {
            seen.add(ebay.id(i));
        }
        return seen::contains;
    }

    // ---- OAuth ----

    @Test
    void theTokenIsFetchedOnceWithClientCredentialsAndReused() {
        EbayListingSource source = source();

        source.newListings(BLUE_NOTE, seenFrom(ebay, 0));
        source.newListings(BLUE_NOTE, seenFrom(ebay, 0));

        List<Seen> tokens = ebay.seen(TOKEN);
        assertEquals(1, tokens.size());
        assertEquals("application/x-www-form-urlencoded", tokens.get(0).header("Content-Type"));
        List<Seen> searches = ebay.seen(SEARCH);
        assertEquals(2, searches.size());
        assertTrue(searches.get(0).header("Authorization").startsWith("Bearer v^1.1#"));
        assertEquals(searches.get(0).header("Authorization"), searches.get(1).header("Authorization"));
        assertEquals(2, source.callsToday(), "token calls are not Browse calls");
        assertEquals(1, source.tokenCallsToday());
    }

    @Test
    void theTokenIsRenewedBeforeItExpires() {
        ebay.tokenLifetime(7200);
        EbayListingSource source = source();
        source.newListings(BLUE_NOTE, seenFrom(ebay, 0));

        clock.advance(Duration.ofSeconds(7200 - 600));
        source.newListings(BLUE_NOTE, seenFrom(ebay, 0));
        assertEquals(1, ebay.seen(TOKEN).size(), "still valid for 10 minutes: kept");

        clock.advance(Duration.ofMinutes(6));
        source.newListings(BLUE_NOTE, seenFrom(ebay, 0));
        assertEquals(2, ebay.seen(TOKEN).size(), "within 5 minutes of expiry: renewed");
        List<Seen> searches = ebay.seen(SEARCH);
        assertFalse(searches.get(1).header("Authorization").equals(searches.get(2).header("Authorization")));
    }

    @Test
    void aRefusedTokenIsRenewedOnceAndTheCallRepeated() {
        EbayListingSource source = source();
        source.newListings(BLUE_NOTE, seenFrom(ebay, 0));
        ebay.revokeTokens();

        List<Listing> listings = source.newListings(BLUE_NOTE, seenFrom(ebay, 3));

        assertEquals(3, listings.size());
        assertEquals(2, ebay.seen(TOKEN).size());
        assertEquals(3, ebay.seen(SEARCH).size(), "first poll, refused call, repeated call");
        assertEquals(3, source.callsToday());
    }

    @Test
    void aSecond401IsRetryLaterAfterExactlyOneRenewal() throws IOException {
        EbayListingSource source = source();
        String refused = FakeEbay.wireError("401_invalid_token");
        ebay.script(SEARCH, Answer.of(401, refused), Answer.of(401, refused));

        PluginException.RetryLater e = assertThrows(PluginException.RetryLater.class,
                () -> source.newListings(BLUE_NOTE, NOTHING_SEEN));

        assertTrue(e.getMessage().contains("errorId 1001"), e.getMessage());
        assertEquals(2, ebay.seen(TOKEN).size());
        assertEquals(2, ebay.seen(SEARCH).size());
    }

    @Test
    void wrongCredentialsSayWhichKeysToCheckAndNeverShowThem() {
        EbayListingSource source = source("cert-id", "wrong-cert-SECRET");

        PluginException.RetryLater e = assertThrows(PluginException.RetryLater.class,
                () -> source.newListings(BLUE_NOTE, NOTHING_SEEN));

        assertTrue(e.getMessage().contains("app-id and cert-id") && e.getMessage().contains("invalid_client"), e.getMessage());
        assertEquals(Duration.ofHours(1), e.after());
        assertTrue(ebay.seen(SEARCH).isEmpty());
        assertNoSecretIn(e.getMessage());
        context.logger().lines.forEach(this::assertNoSecretIn);
        assertFalse(String.join("\n", context.logger().lines).contains("wrong-cert-SECRET"));
    }

    // ---- search ----

    @Test
    void theSearchAsksForTheNewestRecordsWithTheFilters() {
        EbayListingSource source = source("marketplace", "EBAY_GB", "delivery-country", "gb", "page-size", "100");
        ListingQuery query = new ListingQuery("blue note 1500", MediaFormat.VINYL, Money.of("25.00", "GBP"), "GBP", false);

        source.newListings(query, seenFrom(ebay, 0));

        Seen search = ebay.seen(SEARCH).get(0);
        assertEquals("GET", search.method());
        assertEquals("blue note 1500", search.query().get("q"));
        assertEquals("176985", search.query().get("category_ids"));
        assertEquals("newlyListed", search.query().get("sort"));
        assertEquals("100", search.query().get("limit"));
        assertEquals("0", search.query().get("offset"));
        assertEquals("buyingOptions:{FIXED_PRICE},price:[..25.00],priceCurrency:GBP,deliveryCountry:GB",
                search.query().get("filter"));
        assertEquals("EBAY_GB", search.header("X-EBAY-C-MARKETPLACE-ID"));
        assertEquals("contextualLocation=country%3DGB", search.header("X-EBAY-C-ENDUSERCTX"));
    }

    @Test
    void eachFormatHasItsCategoryAndCassettesAreConfigurable() {
        EbayListingSource source = source("cassette-category", "12345", "item-location-country", "US");
        source.newListings(new ListingQuery("miles", MediaFormat.CD, null, "USD", false), seenFrom(ebay, 0));
        source.newListings(new ListingQuery("miles", MediaFormat.CASSETTE, null, "USD", false), seenFrom(ebay, 0));
        source.newListings(new ListingQuery("miles", null, null, "USD", false), seenFrom(ebay, 0));

        List<Seen> searches = ebay.seen(SEARCH);
        assertEquals("176984", searches.get(0).query().get("category_ids"));
        assertEquals("12345", searches.get(1).query().get("category_ids"));
        assertEquals("11233", searches.get(2).query().get("category_ids"));
        assertEquals("buyingOptions:{FIXED_PRICE},itemLocationCountry:US", searches.get(0).query().get("filter"));
    }

    @Test
    void pagingStopsAtTheFirstListingAlreadySeen() {
        EbayListingSource source = source("page-size", "50");

        List<Listing> listings = source.newListings(BLUE_NOTE, seenFrom(ebay, 70));

        assertEquals(70, listings.size());
        assertEquals(ebay.id(0), listings.get(0).id(), "newest first");
        assertEquals(ebay.id(69), listings.get(69).id());
        List<Seen> searches = ebay.seen(SEARCH);
        assertEquals(2, searches.size());
        assertEquals("50", searches.get(1).query().get("offset"));
    }

    /** Listings 0 (newest) to {@code count - 1} of the fake, minus the ones left out: what earlier polls saw. */
    private static Predicate<String> seenAllBut(FakeEbay ebay, int count, int... notSeen) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < count; i++) {
            seen.add(ebay.id(i));
        }
        for (int i : notSeen) {
            seen.remove(ebay.id(i));
        }
        return seen::contains;
    }

    /** When the fake's listing {@code index} went live (the fake lists one a minute, newest first). */
    private Instant listedAt(int index) {
        return Instant.parse((String) ebay.listing(index).get("itemCreationDate"));
    }

    @Test
    void aListingIndexedLateBelowSeenOnesIsStillReturned() {
        EbayListingSource source = source("page-size", "50");

        // Every listing was seen at the last poll except 4: eBay indexed it after that poll.
        List<Listing> listings = source.newListings(BLUE_NOTE.withSince(listedAt(0)), seenAllBut(ebay, 120, 4));

        assertEquals(List.of(ebay.id(4)), listings.stream().map(Listing::id).toList());
        assertEquals(1, ebay.seen(SEARCH).size(), "the page is older than the last poll: no second page");
    }

    @Test
    void pagingGoesOnWhileAPageIsYoungerThanTheLastPollLessTheIndexLag() {
        EbayListingSource source = source("page-size", "50", "index-lag", "15m");
        // The last poll saw listings 0-99 but for 55, listed ten minutes before it (at 45): indexed late, on page 2.
        Instant lastPoll = listedAt(45);

        List<Listing> listings = source.newListings(BLUE_NOTE.withSince(lastPoll), seenAllBut(ebay, 120, 55));

        assertEquals(List.of(ebay.id(55)), listings.stream().map(Listing::id).toList());
        List<Seen> searches = ebay.seen(SEARCH);
        assertEquals(2, searches.size(), "page 1 ends 11 min after the last poll less the lag: page 2 is read, page 3 not");
        assertEquals("50", searches.get(1).query().get("offset"));
    }

    @Test
    void aPageOlderThanTheLastPollLessTheLagEndsPagingEvenWithUnseenListingsBelow() {
        EbayListingSource source = source("page-size", "50", "index-lag", "15m");

        List<Listing> listings = source.newListings(BLUE_NOTE.withSince(listedAt(10)), seenAllBut(ebay, 120, 70));

        assertEquals(List.of(), listings, "listed an hour before the last poll: beyond the lag eBay is allowed");
        assertEquals(1, ebay.seen(SEARCH).size());
    }

    @Test
    void aNegativeIndexLagIsRefusedByName() {
        PluginException.BadConfiguration e = assertThrows(PluginException.BadConfiguration.class,
                () -> source("index-lag", "-5m"));
        assertEquals("index-lag", e.key());
    }

    @Test
    void termsShareOneOrGroupWithinEbaysHundredCharacters() {
        EbayListingSource source = source();

        assertEquals(Optional.of("(john coltrane, hank mobley, lee morgan)"),
                source.anyOf(List.of("john coltrane", "hank mobley", "lee morgan")));
        assertEquals(Optional.of("sun ra"), source.anyOf(List.of("sun ra")), "one term is searched as it is");
        assertEquals(Optional.of("(ac dc, guns n roses)"), source.anyOf(List.of("(ac, dc)", "-guns \"n\" roses")),
                "eBay's query syntax is taken out of the terms");
        List<String> many = new java.util.ArrayList<>();
        for (int i = 0; i < 10; i++) {
            many.add("artist number " + i);
        }
        assertEquals(Optional.empty(), source.anyOf(many.subList(0, 6)), "six terms of 15 characters take 102");
        assertEquals(85, source.anyOf(many.subList(0, 5)).orElseThrow().length(), "five fit");
    }

    @Test
    void anOrGroupIsSentAsTheQuery() {
        EbayListingSource source = source();
        String query = source.anyOf(List.of("john coltrane", "hank mobley")).orElseThrow();

        source.newListings(new ListingQuery(query, MediaFormat.VINYL, null, "USD", false), NOTHING_SEEN);

        assertEquals("(john coltrane, hank mobley)", ebay.seen(SEARCH).get(0).query().get("q"));
    }

    @Test
    void aQuietSearchCostsOneCall() {
        EbayListingSource source = source();
        source.newListings(BLUE_NOTE, seenFrom(ebay, 0)); // the token is fetched once for all searches
        long before = source.callsToday();

        List<Listing> listings = source.newListings(BLUE_NOTE, seenFrom(ebay, 0));

        assertTrue(listings.isEmpty());
        assertEquals(1, source.callsToday() - before);
        assertEquals(1, ebay.seen(TOKEN).size());
    }

    @Test
    void aNewSearchReadsNoMoreThanMaxPages() {
        EbayListingSource source = source("page-size", "20", "max-pages", "3");

        List<Listing> listings = source.newListings(BLUE_NOTE, NOTHING_SEEN);

        assertEquals(60, listings.size());
        assertEquals(3, ebay.seen(SEARCH).size());
    }

    @Test
    void theLastPageEndsTheSearchWhenNothingWasSeen() throws IOException {
        ebay.withListings(30);
        EbayListingSource source = source("page-size", "20");

        assertEquals(30, source.newListings(BLUE_NOTE, NOTHING_SEEN).size());
        assertEquals(2, ebay.seen(SEARCH).size());
    }

    // ---- mapping ----

    @Test
    void aRecordedSummaryBecomesAListing() {
        EbayListingSource source = source();

        Listing first = source.newListings(BLUE_NOTE, seenFrom(ebay, 1)).get(0);

        Map<String, Object> raw = ebay.listing(0);
        assertEquals(raw.get("itemId"), first.id());
        assertEquals("ebay", first.source());
        assertEquals("Blue Note LP 0 - Original Press Vinyl", first.title());
        Map<String, Object> price = Json.object(raw, "price");
        assertEquals(new Money(new BigDecimal((String) price.get("value")), (String) price.get("currency")), first.price());
        assertEquals(raw.get("condition"), first.condition());
        assertEquals(raw.get("conditionId"), first.conditionId());
        assertEquals(MediaFormat.VINYL, first.format());
        Map<String, Object> seller = Json.object(raw, "seller");
        assertEquals(seller.get("username"), first.seller().username());
        assertEquals(((Number) seller.get("feedbackScore")).intValue(), first.seller().feedbackScore());
        assertEquals(Double.valueOf((String) seller.get("feedbackPercentage")), first.seller().feedbackPercent());
        assertEquals(Json.object(raw, "image").get("imageUrl"), first.imageUrl());
        assertEquals(raw.get("itemWebUrl"), first.webUrl());
        assertEquals(Instant.parse((String) raw.get("itemCreationDate")), first.createdAt());
        assertEquals(List.of("FIXED_PRICE"), first.buyingOptions());
        assertNull(first.currentBid());
        assertNull(first.gtin(), "barcodes come only from getItem");
        assertTrue(first.aspects().isEmpty());
    }

    @Test
    void freeShippingIsZeroAndCalculatedOrMissingShippingIsUnknown() {
        ebay.listing(0).put("shippingOptions", List.of(Map.of("shippingCostType", "FIXED",
                "shippingCost", Map.of("value", "0.00", "currency", "USD"))));
        ebay.listing(1).put("shippingOptions", List.of(Map.of("shippingCostType", "CALCULATED")));
        ebay.listing(2).put("shippingOptions", List.of(Map.of("shippingCostType", "CALCULATED",
                "shippingCost", Map.of("value", "198.00", "currency", "USD"))));
        ebay.listing(3).remove("shippingOptions");
        ebay.listing(4).put("shippingOptions", List.of(
                Map.of("shippingCostType", "FIXED", "shippingCost", Map.of("value", "6.50", "currency", "USD")),
                Map.of("shippingCostType", "FIXED", "shippingCost", Map.of("value", "4.00", "currency", "USD"))));
        EbayListingSource source = source();

        List<Listing> l = source.newListings(BLUE_NOTE, seenFrom(ebay, 5));

        assertEquals(Money.of("0.00", "USD"), l.get(0).shipping());
        assertNotNull(l.get(0).landedCost());
        assertNull(l.get(1).shipping());
        assertNull(l.get(2).shipping(), "a calculated estimate depends on the buyer: unknown");
        assertNull(l.get(3).shipping());
        assertNull(l.get(3).landedCost());
        assertEquals(Money.of("4.00", "USD"), l.get(4).shipping(), "the cheapest fixed option");
    }

    @Test
    void auctionsAreAskedForOnlyWhenWantedAndCarryTheCurrentBid() {
        Map<String, Object> auction = ebay.listing(0);
        auction.remove("price");
        auction.put("buyingOptions", List.of("AUCTION"));
        auction.put("currentBidPrice", Map.of("value", "12.50", "currency", "USD"));
        auction.put("bidCount", 3);
        auction.put("itemEndDate", "2026-11-30T18:00:00.000Z");
        Map<String, Object> both = ebay.listing(1);
        both.put("buyingOptions", List.of("AUCTION", "FIXED_PRICE"));
        both.put("price", Map.of("value", "40.00", "currency", "USD"));
        both.put("currentBidPrice", Map.of("value", "20.00", "currency", "USD"));

        EbayListingSource fixedOnly = source();
        fixedOnly.newListings(BLUE_NOTE, seenFrom(ebay, 2));
        assertEquals("buyingOptions:{FIXED_PRICE}", ebay.seen(SEARCH).get(0).query().get("filter"));

        List<Listing> l = fixedOnly.newListings(new ListingQuery("blue note", MediaFormat.VINYL, null, "USD", true),
                seenFrom(ebay, 2));
        assertEquals("buyingOptions:{FIXED_PRICE|AUCTION}", ebay.seen(SEARCH).get(1).query().get("filter"));
        assertEquals(List.of("AUCTION"), l.get(0).buyingOptions());
        assertEquals(Money.of("12.50", "USD"), l.get(0).price(), "no buy-it-now price: the current bid");
        assertEquals(Money.of("12.50", "USD"), l.get(0).currentBid());
        assertEquals(Money.of("40.00", "USD"), l.get(1).price(), "the buy-it-now price");
        assertEquals(Money.of("20.00", "USD"), l.get(1).currentBid());
        assertEquals(List.of("FIXED_PRICE"), ebay.listing(2).get("buyingOptions"));
        assertEquals(Instant.parse("2026-11-30T18:00:00Z"), l.get(0).endsAt());
        assertEquals(3, l.get(0).bidCount());
        assertTrue(l.get(0).auctionOnly());
        assertFalse(l.get(1).auctionOnly(), "an auction with buy-it-now can be bought now");
    }

    @Test
    void endingAuctionsAreReadSoonestFirstUpToTheGivenEndAndPricedAtTheCurrentBid() {
        Instant now = Instant.parse("2026-11-30T17:00:00Z");
        for (int i = 0; i < 8; i++) {
            Map<String, Object> auction = ebay.listing(i * 3);
            auction.put("buyingOptions", i == 0 ? List.of("AUCTION", "FIXED_PRICE") : List.of("AUCTION"));
            auction.put("price", Map.of("value", "40.00", "currency", "USD"));
            auction.put("currentBidPrice", Map.of("value", (10 + i) + ".00", "currency", "USD"));
            auction.put("bidCount", i);
            auction.put("itemEndDate", now.plus(Duration.ofMinutes(10L * (8 - i))).toString());
        }
        EbayListingSource source = source("page-size", "3");
        List<Listing> ending = source.endingAuctions(new ListingQuery("blue note", MediaFormat.VINYL,
                Money.of("30.00", "USD"), "USD", true), now.plus(Duration.ofMinutes(45)));

        List<Seen> asked = ebay.seen(SEARCH);
        assertEquals("endingSoonest", asked.get(0).query().get("sort"));
        assertEquals("buyingOptions:{AUCTION},price:[..30.00],priceCurrency:USD", asked.get(0).query().get("filter"));
        assertEquals(2, asked.size(), "the second page holds an auction ending after the bound: no third page");
        assertEquals(List.of(10L, 20L, 30L, 40L), ending.stream()
                .map(l -> Duration.between(now, l.endsAt()).toMinutes()).toList(), "soonest first, none ending later");
        assertEquals(Money.of("17.00", "USD"), ending.get(0).price(), "priced at the current bid");
        assertEquals(7, ending.get(0).bidCount());
        assertTrue(source.auctions());
    }

    @Test
    void malformedItemsAreSkippedOnceLoggedAndTheRestOfThePageKept() {
        ebay.insertRaw(0, "not an object");
        ebay.insertRaw(1, Map.of("title", "no id"));
        Map<String, Object> badPrice = new HashMap<>(ebay.listing(2));
        badPrice.put("itemId", "v1|999|0");
        badPrice.put("price", Map.of("value", "twelve", "currency", "USD"));
        ebay.insertRaw(2, badPrice);
        Map<String, Object> badDate = new HashMap<>(ebay.listing(3));
        badDate.put("itemId", "v1|998|0");
        badDate.put("itemCreationDate", "yesterday");
        ebay.insertRaw(3, badDate);
        EbayListingSource source = source();

        List<Listing> l = source.newListings(BLUE_NOTE, seenFrom(ebay, 9));

        assertEquals(5, l.size(), "9 elements above the seen one, 4 malformed");
        assertEquals(ebay.id(4), l.get(0).id());
        List<String> warnings = context.logger().at(Level.WARNING);
        assertEquals(4, warnings.size(), warnings.toString());
        assertTrue(warnings.stream().anyMatch(w -> w.contains("v1|999|0")), warnings.toString());

        source.newListings(BLUE_NOTE, seenFrom(ebay, 9));
        assertEquals(6, context.logger().at(Level.WARNING).size(), "items with an id are reported once");
    }

    // ---- affiliate ----

    @Test
    void withACampaignTheHeaderIsSentAndTheAffiliateUrlUsed() {
        EbayListingSource source = source("campaign-id", "5338123456", "reference-id", "vd-alerts");

        Listing listing = source.newListings(BLUE_NOTE, seenFrom(ebay, 1)).get(0);

        assertEquals("affiliateCampaignId=5338123456,affiliateReferenceId=vd-alerts",
                ebay.seen(SEARCH).get(0).header("X-EBAY-C-ENDUSERCTX"));
        assertTrue(listing.webUrl().startsWith((String) ebay.listing(0).get("itemWebUrl")));
        assertTrue(listing.webUrl().contains("campid=5338123456") && listing.webUrl().contains("customid=vd-alerts"),
                listing.webUrl());
    }

    @Test
    void withoutACampaignNoHeaderAndThePlainUrl() {
        EbayListingSource source = source();

        Listing listing = source.newListings(BLUE_NOTE, seenFrom(ebay, 1)).get(0);

        assertNull(ebay.seen(SEARCH).get(0).header("X-EBAY-C-ENDUSERCTX"));
        assertEquals(ebay.listing(0).get("itemWebUrl"), listing.webUrl());
    }

    // ---- getItem ----

    @Test
    void detailsAddTheBarcodeAndItemSpecificsOnceAndCountTheCall() {
        EbayListingSource source = source();
        Listing listing = source.newListings(BLUE_NOTE, seenFrom(ebay, 1)).get(0);
        long before = source.callsToday();

        Listing enriched = source.details(listing).orElseThrow();

        Seen call = ebay.seen(ITEM).get(0);
        assertEquals(ITEM + listing.id().replace("|", "%7C"), call.path());
        assertEquals("0812674024783", enriched.gtin(), "Item.gtin of the recorded getItem");
        assertEquals("Art Blakey & The Jazz Messengers", enriched.aspect("artist"));
        assertEquals("Moanin'", enriched.aspect("Release Title"));
        assertEquals("Blue Note", enriched.aspect("Record Label"));
        assertEquals("BLP 4003", enriched.aspect("Catalog Number"));
        assertEquals("0812674024783", enriched.aspect("UPC"));
        assertEquals(listing.price(), enriched.price());
        assertEquals(1, source.callsToday() - before);
        assertEquals(source.budget().orElseThrow().remaining(), 5000 - source.callsToday());

        assertEquals(enriched, source.details(listing).orElseThrow());
        assertEquals(1, ebay.seen(ITEM).size(), "cached");
    }

    @Test
    void theBarcodeFallsBackToTheUpcItemSpecificAndDoesNotApplyIsNone() {
        assertEquals("0812674024783", ListingMapper.barcode("0812674024783"));
        assertNull(ListingMapper.barcode("Does not apply"));
        ListingMapper mapper = new ListingMapper("ebay", EbaySettings.from(
                io.vinyldetective.api.PluginConfig.of(EbaySettings.KEYS, Map.of("app-id", "a", "cert-id", "c"))));
        ListingMapper.Details d = mapper.details(Map.of("localizedAspects", List.of(
                Map.of("type", "STRING", "name", "EAN", "value", "5 099902 894225"),
                Map.of("type", "STRING", "name", "Genre", "value", "Jazz")), "categoryId", "176984"));
        assertEquals("5099902894225", d.gtin());
        assertEquals(MediaFormat.CD, d.format());
    }

    @Test
    void aGoneItemHasNoDetailsAndIsNotAskedForAgain() {
        EbayListingSource source = source();
        Listing gone = Listing.forMatching("v1|123|0", "Gone LP", Money.of("5.00", "USD"), MediaFormat.VINYL, null, Map.of());

        assertTrue(source.details(gone).isEmpty());
        assertTrue(source.details(gone).isEmpty());
        assertEquals(1, ebay.seen(ITEM).size());
    }

    // ---- budget and quota ----

    @Test
    void theBudgetCountsEveryCallPerEbayDayAndSurvivesARestart() {
        EbayListingSource source = source("daily-call-limit", "100");
        source.newListings(BLUE_NOTE, seenFrom(ebay, 60)); // 2 pages
        source.details(source.newListings(BLUE_NOTE, seenFrom(ebay, 1)).get(0)); // 1 page + 1 getItem

        Budget budget = source.budget().orElseThrow();
        assertEquals(100, budget.limit());
        assertEquals(96, budget.remaining());
        assertEquals(EBAY_MIDNIGHT, budget.resetsAt());

        EbayListingSource restarted = source("daily-call-limit", "100");
        assertEquals(96, restarted.budget().orElseThrow().remaining(), "kept in the plugin store");

        clock.set(EBAY_MIDNIGHT);
        assertEquals(100, restarted.budget().orElseThrow().remaining());
        assertEquals(EBAY_MIDNIGHT.plus(Duration.ofDays(1)), restarted.budget().orElseThrow().resetsAt());
    }

    @Test
    void theSourceStopsAtItsOwnLimitUntilTheEbayDayEnds() {
        EbayListingSource source = source("daily-call-limit", "2");
        source.newListings(BLUE_NOTE, seenFrom(ebay, 0));
        source.newListings(BLUE_NOTE, seenFrom(ebay, 0));

        PluginException.RetryLater e = assertThrows(PluginException.RetryLater.class,
                () -> source.newListings(BLUE_NOTE, seenFrom(ebay, 0)));
        assertThrows(PluginException.RetryLater.class, () -> source.newListings(BLUE_NOTE, seenFrom(ebay, 0)));

        assertEquals(Duration.between(MORNING, EBAY_MIDNIGHT), e.after());
        assertEquals(2, ebay.seen(SEARCH).size(), "no call beyond the limit");
        assertTrue(source.budget().orElseThrow().exhausted());
        assertEquals(1, context.logger().at(Level.WARNING).size(), "said once");

        clock.set(EBAY_MIDNIGHT.plusSeconds(1));
        source.newListings(BLUE_NOTE, seenFrom(ebay, 0));
        assertEquals(3, ebay.seen(SEARCH).size());
    }

    @Test
    void eBaysQuotaErrorStopsTheSourceUntilMidnightPacificThenItRecovers() throws IOException {
        EbayListingSource source = source();
        source.newListings(BLUE_NOTE, seenFrom(ebay, 0));
        String quota = FakeEbay.wireError("429_quota");
        ebay.script(SEARCH, Answer.of(429, quota), Answer.of(429, quota));
        ebay.forget();

        PluginException.RetryLater e = assertThrows(PluginException.RetryLater.class,
                () -> source.newListings(BLUE_NOTE, seenFrom(ebay, 0)));

        assertTrue(e.getMessage().contains("quota") && e.getMessage().contains("2001"), e.getMessage());
        assertEquals(Duration.between(MORNING, EBAY_MIDNIGHT), e.after());
        assertEquals(0, source.budget().orElseThrow().remaining());
        int callsDuringQuota = ebay.seen().size();

        clock.advance(Duration.ofHours(3));
        PluginException.RetryLater later = assertThrows(PluginException.RetryLater.class,
                () -> source.newListings(BLUE_NOTE, seenFrom(ebay, 0)));
        assertThrows(PluginException.RetryLater.class, () -> source.details(
                Listing.forMatching(ebay.id(0), "x", Money.of("1", "USD"), null, null, Map.of())));
        assertEquals(Duration.between(MORNING.plus(Duration.ofHours(3)), EBAY_MIDNIGHT), later.after());
        assertEquals(callsDuringQuota, ebay.seen().size(), "no call while stopped");
        List<String> warnings = context.logger().at(Level.WARNING);
        assertEquals(1, warnings.stream().filter(w -> w.contains("quota")).count(), "said once: " + warnings);

        clock.set(EBAY_MIDNIGHT.plusSeconds(60));
        assertEquals(5000, source.budget().orElseThrow().remaining());
        List<Listing> after = source.newListings(BLUE_NOTE, seenFrom(ebay, 2));
        assertEquals(2, after.size());
        assertTrue(context.logger().at(Level.INFO).stream().anyMatch(l -> l.contains("resumes")));
    }

    // ---- economy ----

    @Test
    void economyOfAQuietAndABusySearch() throws IOException {
        ebay.withListings(300);
        EbayListingSource source = source("page-size", "50");
        source.newListings(BLUE_NOTE, seenFrom(ebay, 0));
        long start = source.callsToday();

        source.newListings(BLUE_NOTE, seenFrom(ebay, 0));
        long quiet = source.callsToday() - start;

        List<Listing> hundred = source.newListings(BLUE_NOTE, seenFrom(ebay, 100));
        long busy = source.callsToday() - start - quiet;
        for (Listing listing : hundred.subList(0, 10)) {
            source.details(listing);
        }
        long busyEnriched = source.callsToday() - start - quiet;

        EbayListingSource wide = source("page-size", "200");
        long before = wide.callsToday();
        wide.newListings(BLUE_NOTE, seenFrom(ebay, 100));
        long busyWide = wide.callsToday() - before;

        assertEquals(100, hundred.size());
        assertEquals(1, quiet, "a quiet search: one call");
        assertEquals(3, busy, "100 new at 50 a page: 2 full pages and the page with the first seen listing");
        assertEquals(3 + 10, busyEnriched, "plus one getItem per enriched listing");
        assertEquals(1, busyWide, "at 200 a page: one call");
        assertEquals(2, ebay.seen(TOKEN).size(), "one token per source instance, whatever the number of calls");
    }

    // ---- failures ----

    @Test
    void serverErrorsAreRetriedThenRetryLaterWithEbaysErrorId() throws IOException {
        EbayListingSource source = source();
        String internal = FakeEbay.contractError("500", "12000");
        ebay.script(SEARCH, Answer.of(500, internal), Answer.of(500, internal));

        PluginException.RetryLater e = assertThrows(PluginException.RetryLater.class,
                () -> source.newListings(BLUE_NOTE, seenFrom(ebay, 5)));

        assertTrue(e.getMessage().contains("status 500: errorId 12000 (API_BROWSE/APPLICATION)"), e.getMessage());
        assertTrue(context.logger().at(Level.WARNING).stream().anyMatch(w -> w.contains("errorId 12000")));
        assertEquals(2, ebay.seen(SEARCH).size(), "the gateway retried once");
        assertEquals(5, source.newListings(BLUE_NOTE, seenFrom(ebay, 5)).size(), "the next poll works");
    }

    @Test
    void aServerErrorOnALaterPageFailsThePollInsteadOfReturningHalf() throws IOException {
        EbayListingSource source = source("page-size", "50");
        String internal = FakeEbay.contractError("500", "12000");
        ebay.scriptPage(50, Answer.of(500, internal), Answer.of(500, internal));

        assertThrows(PluginException.RetryLater.class, () -> source.newListings(BLUE_NOTE, seenFrom(ebay, 70)));
        assertEquals(3, ebay.seen(SEARCH).size(), "page 1, then page 2 tried twice");

        List<Listing> retried = source.newListings(BLUE_NOTE, seenFrom(ebay, 70));
        assertEquals(70, retried.size(), "nothing lost: the next poll returns the first page's listings too");
    }

    @Test
    void aTimeoutIsRetryLater() {
        HttpGatewayConfiguration impatient = TestContext.FAST.withTimeouts(Duration.ofSeconds(1), Duration.ofMillis(200));
        EbayListingSource source = source(impatient);
        source.newListings(BLUE_NOTE, seenFrom(ebay, 0));
        ebay.script(SEARCH, new Answer(200, "{}", 1_000), new Answer(200, "{}", 1_000));

        assertThrows(PluginException.RetryLater.class, () -> source.newListings(BLUE_NOTE, seenFrom(ebay, 0)));
        assertEquals(1 + 2, source.callsToday(), "both attempts counted");
    }

    @Test
    void aClientErrorIsLoggedWithItsErrorIdAndRetriedLater() {
        EbayListingSource source = source();
        ebay.script(SEARCH, Answer.of(409, "{\"errors\":[{\"errorId\":12013,\"domain\":\"API_BROWSE\","
                + "\"category\":\"REQUEST\",\"message\":\"Top-level category browsing is not allowed.\"}]}"));

        PluginException.RetryLater e = assertThrows(PluginException.RetryLater.class,
                () -> source.newListings(BLUE_NOTE, NOTHING_SEEN));

        assertTrue(e.getMessage().contains("status 409: errorId 12013 (API_BROWSE/REQUEST)"), e.getMessage());
        assertEquals(1, context.logger().at(Level.WARNING).size());
    }

    @Test
    void noLogLineOrMessageShowsASecretOrTheSavedSearch() throws IOException {
        EbayListingSource source = source();
        ebay.script(SEARCH, Answer.of(500, FakeEbay.contractError("500", "12000")),
                Answer.of(500, FakeEbay.contractError("500", "12000")));
        PluginException.RetryLater e = assertThrows(PluginException.RetryLater.class,
                () -> source.newListings(new ListingQuery("private words", null, null, "USD", false), NOTHING_SEEN));
        source.newListings(BLUE_NOTE, seenFrom(ebay, 0));

        assertNoSecretIn(e.getMessage());
        assertFalse(e.getMessage().contains("private"));
        for (String line : context.logger().lines) {
            assertNoSecretIn(line);
            assertFalse(line.contains("private") || line.contains("fake-token"), line);
        }
    }

    private void assertNoSecretIn(String text) {
        assertFalse(text.contains(FakeEbay.APP_ID) || text.contains(FakeEbay.CERT_ID) || text.contains("fake-token"), text);
    }
}
