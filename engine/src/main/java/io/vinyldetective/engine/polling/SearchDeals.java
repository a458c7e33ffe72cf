package io.vinyldetective.engine.polling;

import io.vinyldetective.api.Listing;
import io.vinyldetective.api.MatchResult;
import io.vinyldetective.engine.matching.MatchOutcome;
import io.vinyldetective.engine.scoring.Scored;
import io.vinyldetective.engine.storage.SavedSearch;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A new listing for the saved searches of one query: the tier chain (an item look-up when the search
 * result alone matched nothing), the reference prices of its candidates, then per search the price cap
 * and the deal score, and an alert for each search it is a deal for.
 */
final class SearchDeals implements ListingHandler {

    private static final Logger LOG = LoggerFactory.getLogger(SearchDeals.class);

    private final PollContext context;
    private final List<SavedSearch> searches;

    SearchDeals(PollContext context, List<SavedSearch> searches) {
        this.context = context;
        this.searches = List.copyOf(searches);
    }

    @Override
    public String names() {
        return searches.stream().map(s -> "#" + s.id()).collect(Collectors.joining(","));
    }

    @Override
    public Handled handle(Listing listing, boolean detailsAllowed, PollReport report) {
        MatchOutcome outcome = context.matcher().match(listing);
        if (!outcome.matched() && outcome.refusal() == null && detailsAllowed
                && report.details < context.settings().maxDetailsPerPoll()
                && listing.gtin() == null && listing.aspects().isEmpty()) {
            Listing detailed = context.details(listing);
            if (detailed != null) {
                report.details++;
                listing = detailed;
                outcome = context.matcher().match(listing);
            }
        }
        if (!outcome.matched()) {
            // A tier that was unavailable might have matched: try again next poll rather than lose a deal.
            return outcome.refusal() == null && !outcome.problems().isEmpty() ? Handled.RETRY : Handled.DONE;
        }
        MatchResult match = outcome.result();
        context.matched(listing, match, report);
        if (context.oracle() == null || listing.price() == null) {
            return Handled.DONE;
        }
        PollContext.Priced priced = context.price(listing, match.releaseIds());
        if (!priced.any()) {
            return Handled.DONE;
        }
        report.priced++;
        boolean deal = false;
        for (SavedSearch search : searches) {
            if (search.maxPrice() != null && search.maxPrice().compareTo(listing.price().amount()) < 0) {
                continue;
            }
            Scored scored = context.scorer().score(listing, match, priced.releases(), priced.quotes(), search.threshold(),
                    search.alertWithoutShipping());
            if (!scored.isDeal()) {
                LOG.debug("Listing {} for search #{}: {}", listing.id(), search.id(), scored.detail());
                continue;
            }
            deal = true;
            context.alert(search.chatId(), scored.deal(), report);
        }
        if (deal) {
            report.deals++;
        }
        return Handled.DONE;
    }
}
