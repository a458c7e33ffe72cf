package io.vinyldetective.api;

import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * A marketplace: new listings for a saved search.
 *
 * <p>Sources call the outside world only through {@link PluginContext#http()}, count their calls,
 * and stay within their API budget. Thread-safe after {@code start}.
 */
public interface ListingSource extends PipelineExtension {

    /**
     * The newest listings for a query, newest first. A source pages only as deep as needed, but
     * marketplaces index late: a listing can turn up below listings already seen. So a source
     * considers every item of every page it fetched (skipping only those {@code alreadySeen} answers
     * true for), and stops paging only at a page that holds seen listings and is older than
     * {@link ListingQuery#since()} less its indexing delay (without {@code since}: at the first page
     * holding a seen listing).
     *
     * @param query       the saved search
     * @param alreadySeen answers whether the engine has seen a listing id before
     * @return listings not seen before; never null. A malformed item is skipped (and logged), the
     *         rest are returned.
     * @throws PluginException.RetryLater when the marketplace is unavailable or the budget is spent
     */
    List<Listing> newListings(ListingQuery query, Predicate<String> alreadySeen);

    /**
     * The listing with details a search does not return (barcode, item specifics), when the
     * marketplace needs a separate, budgeted call for them. The engine calls it only when that
     * can change the outcome. Empty when the source has nothing more.
     */
    default Optional<Listing> details(Listing listing) {
        return Optional.empty();
    }

    /**
     * The query text that finds listings holding any one of {@code terms} (each a few plain words, e.g.
     * an artist), in the marketplace's own syntax, so that many watches share one call. Empty when the
     * terms do not fit in one query (the engine then splits them) or the marketplace has no such
     * syntax; a single term is then searched on its own.
     *
     * @since 1.2.0
     */
    default Optional<String> anyOf(List<String> terms) {
        return terms.size() == 1 ? Optional.of(terms.get(0)) : Optional.empty();
    }

    /**
     * The auctions of a query that end before {@code endingBefore}, soonest first, each priced at its current
     * bid ({@link Listing#currentBid()}) with its end ({@link Listing#endsAt()}). The engine asks for these
     * shortly before auctions end and alerts a deal once; it decides which to look at, so a source returns
     * them all, seen or not. Empty when the marketplace has no auctions ({@link #auctions()} false).
     *
     * @throws PluginException.RetryLater when the marketplace is unavailable or the budget is spent
     * @since 1.3.0
     */
    default List<Listing> endingAuctions(ListingQuery query, java.time.Instant endingBefore) {
        return List.of();
    }

    /**
     * Whether {@link #endingAuctions} finds anything: the marketplace has auctions and the source reads them.
     *
     * @since 1.3.0
     */
    default boolean auctions() {
        return false;
    }

    /** The call budget left, when the marketplace has one. */
    default Optional<Budget> budget() {
        return Optional.empty();
    }
}
