package io.vinyldetective.plugins.ebay;

import io.vinyldetective.api.Budget;
import io.vinyldetective.api.ConfigKey;
import io.vinyldetective.api.HttpReply;
import io.vinyldetective.api.Listing;
import io.vinyldetective.api.ListingQuery;
import io.vinyldetective.api.ListingSource;
import io.vinyldetective.api.PluginContext;
import io.vinyldetective.api.PluginException;
import io.vinyldetective.api.Urgency;
import org.pf4j.Extension;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Listings from the eBay Buy Browse API. A poll reads the newest listings of a saved search page by page
 * until a page holds listings the engine has seen and is older than the last poll, so a quiet search
 * costs one call and a listing eBay indexed late is still found. Barcodes and item
 * specifics come from getItem, only when the engine asks ({@link #details}); the answers are cached.
 * Every call is counted against the daily budget in the plugin store; after eBay's quota error the
 * source makes no call until the eBay day ends.
 */
@Extension
public final class EbayListingSource implements ListingSource {

    static final String ITEM_PATH = "/buy/browse/v1/item/";
    /** getItem answers kept (a few hundred bytes each). */
    static final int DETAILS_CACHE_SIZE = 2_000;
    /** getItem errors meaning the item is gone or the id is unknown: 11001, 11002, 11012. */
    private static final Set<Integer> ITEM_GONE = Set.of(11001, 11002, 11012);

    private EbaySettings settings;
    private EbayApi api;
    private CallBudget budget;
    private SearchRequest search;
    private ListingMapper mapper;
    private DetailsCache detailsCache;
    private System.Logger log;
    /** Ids of malformed items already reported, so a bad listing near the top is logged once, not every poll. */
    private final Set<String> reportedBad = Collections.synchronizedSet(Collections.newSetFromMap(
            new LinkedHashMap<>(16, 0.75f, false) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                    return size() > 1_000;
                }
            }));

    @Override
    public List<ConfigKey> configKeys() {
        return EbaySettings.KEYS;
    }

    @Override
    public void start(PluginContext context) {
        settings = EbaySettings.from(context.config());
        log = context.logger();
        if (context.config().bool(EbaySettings.INCLUDE_AUCTIONS.name())) {
            log.log(Level.WARNING, "plugins.ebay.include-auctions is no longer used: add auctions:on to a search"
                    + " (/add_search ... auctions:on) or a want (/want <n> auctions:on) to be told about auctions ending soon");
        }
        budget = new CallBudget(context.store(), context.clock(), settings.dailyCallLimit(), log);
        AccessTokens tokens = new AccessTokens(context.http(), settings, context.clock(), budget, log);
        api = new EbayApi(context.http(), tokens, budget, settings, log);
        search = new SearchRequest(settings);
        mapper = new ListingMapper(context.pluginId(), settings);
        detailsCache = new DetailsCache(DETAILS_CACHE_SIZE);
    }

    /**
     * Reads the newest listings page by page. eBay indexes late: a listing may turn up below listings
     * already seen, so every item of every page read is considered. Paging stops at the last page, at
     * {@code max-pages}, or at a page that holds a seen listing and whose oldest listing is older than the
     * last poll less {@code index-lag} (without a last poll: at the first page holding a seen listing).
     */
    @Override
    public List<Listing> newListings(ListingQuery query, Predicate<String> alreadySeen) {
        Map<String, Listing> found = new LinkedHashMap<>();
        Instant stopBefore = query.since() == null ? null : query.since().minus(settings.indexLag());
        int limit = settings.pageSize();
        int pages = 0;
        int skipped = 0;
        int late = 0;
        boolean reachedSeen = false;
        for (int offset = 0; pages < settings.maxPages() && offset < EbaySettings.MAX_RESULT_WINDOW; offset += limit) {
            Map<String, Object> page = read(api.get(search.page(query, offset, limit), Urgency.BACKGROUND));
            pages++;
            List<Object> items = Json.list(page, "itemSummaries");
            boolean pageHoldsSeen = false;
            Instant oldest = null;
            for (Object element : items) {
                Map<String, Object> item = element instanceof Map ? Json.cast(element) : Map.of();
                String id = Json.text(item, "itemId");
                Instant listed = listedAt(item);
                if (listed != null && (oldest == null || listed.isBefore(oldest))) {
                    oldest = listed;
                }
                if (id != null && alreadySeen.test(id)) {
                    pageHoldsSeen = true;
                    continue;
                }
                try {
                    Listing listing = mapper.fromSummary(element);
                    if (found.putIfAbsent(listing.id(), listing) == null && (pageHoldsSeen || reachedSeen)) {
                        late++;
                    }
                } catch (PluginException.BadItem e) {
                    skipped++;
                    reportBadItem(id, e);
                }
            }
            reachedSeen |= pageHoldsSeen;
            if (items.size() < limit || Json.text(page, "next") == null) {
                break;
            }
            if (pageHoldsSeen && (stopBefore == null || oldest == null || oldest.isBefore(stopBefore))) {
                break;
            }
        }
        log.log(Level.DEBUG, "eBay search: {0} new listings ({1} below seen ones) from {2} page(s), {3} malformed skipped"
                        + "{4}; calls left today {5}", found.size(), late, pages, skipped,
                reachedSeen ? "" : " (stopped before reaching a seen listing)", budget.budget().remaining());
        return List.copyOf(found.values());
    }

    /**
     * Reads auctions ending soonest first until one ends at or after {@code endingBefore} (eBay sorts by the
     * scheduled end), the last page, or {@code max-pages}. Each is priced at its current bid; an auction
     * without an end date is skipped (it cannot be timed).
     */
    @Override
    public List<Listing> endingAuctions(ListingQuery query, Instant endingBefore) {
        Map<String, Listing> found = new LinkedHashMap<>();
        int limit = settings.pageSize();
        int pages = 0;
        int skipped = 0;
        boolean past = false;
        for (int offset = 0; !past && pages < settings.maxPages() && offset < EbaySettings.MAX_RESULT_WINDOW;
                offset += limit) {
            Map<String, Object> page = read(api.get(search.endingAuctions(query, offset, limit), Urgency.BACKGROUND));
            pages++;
            List<Object> items = Json.list(page, "itemSummaries");
            for (Object element : items) {
                String id = element instanceof Map ? Json.text(Json.cast(element), "itemId") : null;
                try {
                    Listing listing = mapper.fromSummary(element);
                    if (listing.endsAt() == null) {
                        continue;
                    }
                    if (!listing.endsAt().isBefore(endingBefore)) {
                        past = true;
                        break;
                    }
                    found.putIfAbsent(listing.id(), listing.atCurrentBid());
                } catch (PluginException.BadItem e) {
                    skipped++;
                    reportBadItem(id, e);
                }
            }
            if (items.size() < limit || Json.text(page, "next") == null) {
                break;
            }
        }
        log.log(Level.DEBUG, "eBay auctions: {0} ending before {1} from {2} page(s), {3} malformed skipped; calls left "
                + "today {4}", found.size(), endingBefore, pages, skipped, budget.budget().remaining());
        return List.copyOf(found.values());
    }

    @Override
    public boolean auctions() {
        return true;
    }

    /** When a summary went live: {@code itemOriginDate} (what newlyListed sorts by), else {@code itemCreationDate}. */
    private static Instant listedAt(Map<String, Object> item) {
        for (String field : List.of("itemOriginDate", "itemCreationDate")) {
            String text = Json.text(item, field);
            if (text != null) {
                try {
                    return Instant.parse(text);
                } catch (java.time.format.DateTimeParseException e) {
                    // a malformed date says nothing about the page's age
                }
            }
        }
        return null;
    }

    @Override
    public Optional<Listing> details(Listing listing) {
        Optional<Optional<ListingMapper.Details>> cached = detailsCache.get(listing.id());
        if (cached.isPresent()) {
            return cached.get().map(d -> mapper.withDetails(listing, d));
        }
        URI uri = URI.create(settings.baseUrl() + ITEM_PATH
                + URLEncoder.encode(listing.id(), StandardCharsets.UTF_8));
        HttpReply reply = api.get(uri, Urgency.LOOKUP);
        Optional<ListingMapper.Details> details;
        if (reply.ok()) {
            details = Optional.of(mapper.details(read(reply)));
        } else {
            EbayErrors errors = EbayErrors.of(reply);
            if (reply.status() != 404 && ITEM_GONE.stream().noneMatch(errors::has)) {
                log.log(Level.WARNING, "{0}: eBay answered {1}", EbayApi.describe(uri), errors);
                return Optional.empty(); // not cached: it may work next time
            }
            log.log(Level.DEBUG, "eBay item {0} is gone ({1})", listing.id(), errors);
            details = Optional.empty();
        }
        detailsCache.put(listing.id(), details);
        return details.map(d -> mapper.withDetails(listing, d));
    }

    /**
     * eBay's OR group: {@code (a, b, c)}, the keywords comma-separated in one pair of parentheses, as long as
     * it fits in {@value SearchRequest#MAX_QUERY_LENGTH} characters (eBay cuts longer queries short). Terms lose the
     * characters that are query syntax to eBay (parentheses, commas, quotes, a leading minus, {@code *}).
     */
    @Override
    public Optional<String> anyOf(List<String> terms) {
        List<String> clean = terms.stream().map(SearchRequest::keywords).filter(t -> !t.isEmpty()).distinct().toList();
        if (clean.isEmpty()) {
            return Optional.empty();
        }
        String query = clean.size() == 1 ? clean.get(0) : "(" + String.join(", ", clean) + ")";
        return query.length() <= SearchRequest.MAX_QUERY_LENGTH ? Optional.of(query) : Optional.empty();
    }

    @Override
    public Optional<Budget> budget() {
        return Optional.of(budget.budget());
    }

    /** A 2xx body as JSON; a 4xx is logged with eBay's errors and retried later. */
    private Map<String, Object> read(HttpReply reply) {
        if (!reply.ok()) {
            String message = "eBay search answered " + EbayErrors.of(reply);
            log.log(Level.WARNING, message);
            throw new PluginException.RetryLater(message, null);
        }
        try {
            return Json.object(reply.body());
        } catch (IOException e) {
            throw new PluginException.RetryLater("eBay answered " + reply.status() + " with a body that is not JSON", null);
        }
    }

    private void reportBadItem(String id, PluginException.BadItem e) {
        if (id == null || reportedBad.add(id)) {
            log.log(Level.WARNING, "eBay listing skipped: {0}", e.getMessage());
        }
    }

    /** Budget numbers for diagnostics and tests. */
    long callsToday() {
        return budget.used();
    }

    long tokenCallsToday() {
        return budget.tokenCallsToday();
    }
}
