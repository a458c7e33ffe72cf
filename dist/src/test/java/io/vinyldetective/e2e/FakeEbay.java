package io.vinyldetective.e2e;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback eBay built from {@code shared/api/ebay/}: the client-credentials token endpoint
 * ({@code POST /identity/v1/oauth2/token}, 7200 s tokens, the wire notes' 401 for a bad keyset),
 * {@code GET /buy/browse/v1/item_summary/search} (the listings the test adds whose titles hold every
 * word of {@code q}, or of one alternative of an OR group {@code (a, b)}, newest listed first, paged with {@code limit}, {@code offset} and {@code next}, each an
 * item summary of the recorded search with the listing's fields) and
 * {@code GET /buy/browse/v1/item/{itemId}} (the recorded getItem answer with the listing's fields,
 * barcode and item specifics). With the affiliate campaign in {@code X-EBAY-C-ENDUSERCTX} every item
 * carries {@code itemAffiliateWebUrl} as the wire notes record it ({@code campid=<campaign>}).
 * Errors are scripted with {@link #script}; {@link #internalError()} is the contract's search 500.
 */
public final class FakeEbay extends LoopbackFake {

    static final String TOKEN_PATH = "/identity/v1/oauth2/token";
    public static final String SEARCH_PATH = "/buy/browse/v1/item_summary/search";
    public static final String ITEM_PATH = "/buy/browse/v1/item/";
    public static final String RECORDS = "176985";
    public static final String CDS = "176984";
    public static final String CASSETTES = "176983";
    static final String MUSIC = "11233";
    /** The format categories of the spec's notes; a listing elsewhere (a T-shirt) is found in Records, as the seller put it there. */
    private static final Set<String> FORMAT_CATEGORIES = Set.of(RECORDS, CDS, CASSETTES);
    private static final String SCOPE_BODY =
            "grant_type=client_credentials&scope=https%3A%2F%2Fapi.ebay.com%2Foauth%2Fapi_scope";

    /**
     * A listing on the fake marketplace.
     *
     * @param legacyId   eBay's item number; the item id is {@code v1|<legacyId>|0}
     * @param shipping   fixed shipping cost in USD, or null for calculated shipping (unknown to the search)
     * @param categoryId the leaf category (Records: {@value #RECORDS})
     * @param aspects    item specifics getItem gives, by name
     * @param gtin       the barcode getItem gives, or null
     */
    public record Listing(String legacyId, String title, String price, String shipping, String seller, String condition,
                   String categoryId, Map<String, String> aspects, String gtin) {

        public String itemId() {
            return "v1|" + legacyId + "|0";
        }

        public String webUrl() {
            return "https://www.ebay.com/itm/" + legacyId;
        }

        /** A fixed-price record in the Records category, used, with item specifics. */
        public static Listing record(String legacyId, String title, String price, String shipping, String seller,
                              Map<String, String> aspects) {
            return new Listing(legacyId, title, price, shipping, seller, "Used", RECORDS, aspects, null);
        }
    }

    /** An auction's state: when it ends, the current bid (USD) and how many bids it has. */
    public record Auction(Instant endsAt, String currentBid, int bids) {
    }

    private record Posted(Listing listing, Instant createdAt, Auction auction) {
        Posted(Listing listing, Instant createdAt) {
            this(listing, createdAt, null);
        }
    }

    private final String appId;
    private final String certId;
    private final List<Posted> posted = new CopyOnWriteArrayList<>();
    private final Map<String, Boolean> served = java.util.Collections.synchronizedMap(new LinkedHashMap<>());
    private final Set<String> tokens = ConcurrentHashMap.newKeySet();
    private final AtomicInteger issued = new AtomicInteger();
    private final Map<String, Object> summaryTemplate;
    private final Map<String, Object> itemTemplate;
    private final Map<String, Object> wireNotes = Shared.json("api/ebay/ebay_wire_notes.json");
    private volatile boolean matchQuery = true;
    private Instant clock = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(1, ChronoUnit.DAYS);

    public FakeEbay(String appId, String certId) {
        this.appId = appId;
        this.certId = certId;
        Map<String, Object> summary = Shared.object(Shared.list(
                Shared.json("api/ebay/ebay_search_iphone_100_bestmatch_recorded.json").get("itemSummaries")).get(0));
        for (String field : List.of("itemGroupHref", "itemGroupType", "epid", "itemAffiliateWebUrl")) {
            summary.remove(field);
        }
        summaryTemplate = summary;
        Map<String, Object> item = Shared.json("api/ebay/ebay_gpuagent_api-browse-getItem-296057072805.response.json");
        for (String field : List.of("brand", "mpn", "epid", "gtin", "conditionDescription", "taxes", "itemAffiliateWebUrl")) {
            item.remove(field);
        }
        itemTemplate = item;
    }

    /** Puts listings on the marketplace, each newer than every one before. */
    public synchronized FakeEbay add(Listing... listings) {
        for (Listing l : listings) {
            clock = clock.plusSeconds(1);
            posted.add(new Posted(l, clock));
        }
        return this;
    }

    /**
     * Puts a listing on the marketplace that went live {@code before} the newest one but is indexed only
     * now: newlyListed results show it below listings a poll already saw.
     */
    public synchronized FakeEbay addLate(Listing listing, java.time.Duration before) {
        posted.add(new Posted(listing, clock.minus(before)));
        return this;
    }

    /** Puts a listing on the marketplace that went live at {@code createdAt} (a simulated clock's time). */
    public FakeEbay addAt(Listing listing, Instant createdAt) {
        posted.add(new Posted(listing, createdAt));
        return this;
    }

    /** Puts an auction (no buy-it-now) on the marketplace, newer than every listing before. */
    public synchronized FakeEbay addAuction(Listing listing, Auction auction) {
        clock = clock.plusSeconds(1);
        posted.add(new Posted(listing, clock, auction));
        return this;
    }

    /** Puts an auction on the marketplace that went live at {@code createdAt} (a simulated clock's time). */
    public FakeEbay addAuctionAt(Listing listing, Instant createdAt, Auction auction) {
        posted.add(new Posted(listing, createdAt, auction));
        return this;
    }

    /** The item ids search has returned so far, in the order first returned. */
    public List<String> served() {
        return List.copyOf(served.keySet());
    }

    /** Whether search filters titles by the words of {@code q} (on by default; off answers every listing). */
    FakeEbay matchQuery(boolean on) {
        matchQuery = on;
        return this;
    }

    /** The contract's answer for a search that fails inside eBay: 500, error 12000. */
    static Reply internalError() {
        Map<String, Object> spec = Shared.json("api/ebay/ebay_buy_browse_v1_oas3.json");
        Map<String, Object> codes = Shared.object(Shared.object(Shared.object(Shared.object(Shared.object(
                Shared.object(spec.get("paths")).get("/item_summary/search")).get("get")).get("responses")).get("500"))
                .get("x-response-codes"));
        Map<String, Object> error = Shared.object(Shared.object(codes.get("errors")).get("12000"));
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("errorId", 12000);
        entry.put("domain", error.get("domain"));
        entry.put("category", error.get("category"));
        entry.put("message", error.get("description"));
        return Reply.json(500, Shared.write(Map.of("errors", List.of(entry))));
    }

    /** Search requests made so far. */
    public List<Request> searches() {
        return requests(r -> r.path().equals(SEARCH_PATH));
    }

    @Override
    protected Reply answer(Request request) {
        if (request.path().equals(TOKEN_PATH)) {
            return token(request);
        }
        String auth = request.header("Authorization");
        if (auth == null || !auth.startsWith("Bearer ") || !tokens.contains(auth.substring("Bearer ".length()))) {
            return Reply.json(401, Shared.write(Shared.object(wireNotes.get("errors_observed")).get("401_invalid_token")));
        }
        if (request.path().equals(SEARCH_PATH)) {
            return search(request);
        }
        if (request.path().startsWith(ITEM_PATH)) {
            return item(request);
        }
        return Reply.json(404, "{\"errors\":[{\"errorId\":2002,\"domain\":\"API_BROWSE\",\"category\":\"REQUEST\","
                + "\"message\":\"Resource not found\"}]}");
    }

    private Reply token(Request request) {
        String expected = "Basic " + Base64.getEncoder().encodeToString((appId + ":" + certId).getBytes(StandardCharsets.UTF_8));
        if (!"POST".equals(request.method()) || !expected.equals(request.header("Authorization"))) {
            return Reply.json(401, Shared.write(Shared.object(wireNotes.get("oauth_client_credentials"))
                    .get("response_error_example_unverified")));
        }
        if (!SCOPE_BODY.equals(request.bodyText())) {
            return Reply.json(400, "{\"error\":\"invalid_request\",\"error_description\":\"request is missing a required parameter\"}");
        }
        Map<String, Object> answer = Shared.copy(Shared.object(Shared.object(wireNotes.get("oauth_client_credentials"))
                .get("response_200")));
        String token = "v^1.1#i^1#p^1#r^0#I^3#f^0#t^e2e-" + issued.incrementAndGet();
        tokens.add(token);
        answer.put("access_token", token);
        return Reply.json(200, Shared.write(answer));
    }

    private Reply search(Request request) {
        int limit = Integer.parseInt(request.query().getOrDefault("limit", "50"));
        int offset = Integer.parseInt(request.query().getOrDefault("offset", "0"));
        if (limit < 1 || limit > 200) {
            return Reply.json(400, "{\"errors\":[{\"errorId\":12006,\"domain\":\"API_BROWSE\",\"category\":\"REQUEST\"}]}");
        }
        if (offset % limit != 0) {
            return Reply.json(400, "{\"errors\":[{\"errorId\":12515,\"domain\":\"API_BROWSE\",\"category\":\"REQUEST\"}]}");
        }
        List<List<String>> anyOf = terms(request.query().getOrDefault("q", ""));
        String category = request.query().get("category_ids");
        String filter = request.query().getOrDefault("filter", "");
        boolean fixed = !filter.contains("buyingOptions:") || filter.contains("FIXED_PRICE");
        boolean auctions = filter.contains("AUCTION");
        List<Posted> hits = new ArrayList<>();
        for (Posted p : posted) {
            if (p.auction() == null ? !fixed : !auctions) {
                continue;
            }
            List<String> title = Shared.words(p.listing().title());
            boolean inCategory = category == null || category.equals(MUSIC) || category.equals(p.listing().categoryId())
                    || !FORMAT_CATEGORIES.contains(p.listing().categoryId()) && category.equals(RECORDS);
            if (inCategory && (!matchQuery || anyOf.stream().anyMatch(title::containsAll))) {
                hits.add(p);
            }
        }
        if ("endingSoonest".equals(request.query().get("sort"))) {
            hits.removeIf(p -> p.auction() == null); // only auctions have an end to sort by here
            hits.sort((a, b) -> a.auction().endsAt().compareTo(b.auction().endsAt()));
        } else {
            hits.sort((a, b) -> b.createdAt().compareTo(a.createdAt())); // newlyListed: newest first
        }
        String campaign = packed(request.header("X-EBAY-C-ENDUSERCTX"), "affiliateCampaignId");
        String reference = packed(request.header("X-EBAY-C-ENDUSERCTX"), "affiliateReferenceId");
        List<Object> page = new ArrayList<>();
        for (int i = offset; i < Math.min(offset + limit, hits.size()); i++) {
            page.add(summary(hits.get(i), campaign, reference));
            served.putIfAbsent(hits.get(i).listing().itemId(), Boolean.TRUE);
        }
        String self = baseUrl() + SEARCH_PATH + "?" + (request.rawQuery() == null ? "" : request.rawQuery()
                .replaceAll("(^|&)(limit|offset)=[^&]*", ""));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("href", self + "&limit=" + limit + "&offset=" + offset);
        body.put("total", hits.size());
        if (offset + limit < hits.size()) {
            body.put("next", self + "&limit=" + limit + "&offset=" + (offset + limit));
        }
        if (offset > 0) {
            body.put("prev", self + "&limit=" + limit + "&offset=" + Math.max(0, offset - limit));
        }
        body.put("limit", limit);
        body.put("offset", offset);
        if (!page.isEmpty()) {
            body.put("itemSummaries", page);
        }
        return Reply.json(200, Shared.write(body));
    }

    /** The spec's {@code q}: space-separated words are AND, {@code (a, b)} is OR; each alternative as its words. */
    private static List<List<String>> terms(String q) {
        String text = q.strip();
        if (text.startsWith("(") && text.endsWith(")")) {
            List<List<String>> alternatives = new ArrayList<>();
            for (String term : text.substring(1, text.length() - 1).split(",")) {
                alternatives.add(Shared.words(term));
            }
            return alternatives;
        }
        return List.of(Shared.words(text));
    }

    private Map<String, Object> summary(Posted p, String campaign, String reference) {
        Listing l = p.listing();
        Map<String, Object> s = Shared.copy(summaryTemplate);
        s.put("itemId", l.itemId());
        s.put("legacyItemId", l.legacyId());
        s.put("title", l.title());
        s.put("leafCategoryIds", List.of(l.categoryId()));
        s.put("categories", categories(l));
        s.put("price", amount(l.price()));
        s.put("itemHref", baseUrl() + ITEM_PATH + "v1%7C" + l.legacyId() + "%7C0");
        Map<String, Object> seller = Shared.object(s.get("seller"));
        seller.put("username", l.seller());
        seller.put("feedbackPercentage", "99.6");
        seller.put("feedbackScore", 812);
        s.put("condition", l.condition());
        s.put("conditionId", "Used".equals(l.condition()) ? "3000" : "1000");
        s.put("shippingOptions", shipping(l, false));
        s.put("itemWebUrl", l.webUrl());
        if (campaign != null) {
            s.put("itemAffiliateWebUrl", affiliate(l, campaign, reference, "10049"));
        }
        s.put("itemCreationDate", p.createdAt().toString().replace("Z", ".000Z"));
        s.put("itemLocation", Map.of("postalCode", "112**", "country", "US"));
        Auction auction = p.auction();
        if (auction != null) {
            s.put("buyingOptions", List.of("AUCTION"));
            s.put("price", amount(auction.currentBid()));
            s.put("currentBidPrice", amount(auction.currentBid()));
            s.put("bidCount", auction.bids());
            s.put("itemEndDate", auction.endsAt().toString());
        } else {
            s.put("buyingOptions", List.of("FIXED_PRICE"));
        }
        return s;
    }

    private Reply item(Request request) {
        String id = URLDecoder.decode(request.path().substring(ITEM_PATH.length()), StandardCharsets.UTF_8);
        for (Posted p : posted) {
            Listing l = p.listing();
            if (!l.itemId().equals(id)) {
                continue;
            }
            Map<String, Object> item = Shared.copy(itemTemplate);
            item.put("itemId", l.itemId());
            item.put("legacyItemId", l.legacyId());
            item.put("title", l.title());
            item.put("price", amount(l.price()));
            item.put("categoryId", l.categoryId());
            item.put("categoryPath", RECORDS.equals(l.categoryId()) ? "Music|Records" : "Other");
            item.put("categoryIdPath", RECORDS.equals(l.categoryId()) ? "11233|" + RECORDS : l.categoryId());
            item.put("condition", l.condition());
            item.put("conditionId", "Used".equals(l.condition()) ? "3000" : "1000");
            item.put("itemCreationDate", p.createdAt().toString().replace("Z", ".000Z"));
            Map<String, Object> seller = Shared.object(item.get("seller"));
            seller.put("username", l.seller());
            seller.put("feedbackPercentage", "99.6");
            seller.put("feedbackScore", 812);
            item.put("itemLocation", Map.of("city", "Brooklyn", "country", "US"));
            item.put("shippingOptions", shipping(l, true));
            List<Object> aspects = new ArrayList<>();
            l.aspects().forEach((name, value) -> aspects.add(Map.of("type", "STRING", "name", name, "value", value)));
            if (l.gtin() != null) {
                item.put("gtin", l.gtin());
                aspects.add(Map.of("type", "STRING", "name", "UPC", "value", l.gtin()));
            }
            item.put("localizedAspects", aspects);
            item.put("itemWebUrl", l.webUrl());
            String campaign = packed(request.header("X-EBAY-C-ENDUSERCTX"), "affiliateCampaignId");
            if (campaign != null) {
                item.put("itemAffiliateWebUrl", affiliate(l, campaign,
                        packed(request.header("X-EBAY-C-ENDUSERCTX"), "affiliateReferenceId"), "10050"));
            }
            return Reply.json(200, Shared.write(item));
        }
        return Reply.json(404, Shared.write(Shared.object(wireNotes.get("errors_observed"))
                .get("400_item_not_found_shape_from_spec")));
    }

    private static List<Object> categories(Listing l) {
        if (RECORDS.equals(l.categoryId())) {
            return List.of(Map.of("categoryId", RECORDS, "categoryName", "Records"),
                    Map.of("categoryId", "11233", "categoryName", "Music"));
        }
        return List.of(Map.of("categoryId", l.categoryId()));
    }

    /** Fixed shipping as the recorded answers carry it; calculated shipping has no cost without a location. */
    private static List<Object> shipping(Listing l, boolean detail) {
        Map<String, Object> option = new LinkedHashMap<>();
        if (l.shipping() == null) {
            option.put("shippingCostType", "CALCULATED");
        } else {
            option.put("shippingCostType", "FIXED");
            option.put("shippingCost", amount(l.shipping()));
        }
        if (detail) {
            option.put("type", "Standard Shipping");
            option.put("shippingServiceCode", "USPS Media Mail");
        }
        return List.of(option);
    }

    private static Map<String, Object> amount(String value) {
        return Map.of("value", value, "currency", "USD");
    }

    /** The item URL with the tracking parameters eBay adds for a campaign (ebay_wire_notes.json). */
    private static String affiliate(Listing l, String campaign, String reference, String toolId) {
        return l.webUrl() + "?mkevt=1&mkcid=1&mkrid=711-53200-19255-0&campid=" + campaign + "&customid="
                + (reference == null ? "" : reference) + "&toolid=" + toolId;
    }

    /** One value of eBay's packed header ({@code name=value,name=value}). */
    private static String packed(String header, String name) {
        if (header == null) {
            return null;
        }
        for (String pair : header.split(",")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).strip().equals(name)) {
                return pair.substring(eq + 1).strip();
            }
        }
        return null;
    }
}
