package io.vinyldetective.engine.polling;

import io.vinyldetective.api.Deal;
import io.vinyldetective.api.Grade;
import io.vinyldetective.api.Listing;
import io.vinyldetective.api.MatchResult;
import io.vinyldetective.api.Money;
import io.vinyldetective.engine.catalog.ScopedCatalog;
import io.vinyldetective.engine.matching.MatchOutcome;
import io.vinyldetective.engine.scoring.ListingGrade;
import io.vinyldetective.engine.scoring.Scored;
import io.vinyldetective.engine.wants.Want;
import io.vinyldetective.engine.wants.WatchBatch;
import io.vinyldetective.engine.wants.WatchMatcher;
import io.vinyldetective.engine.wants.WatchScopes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A new listing for a batch of watches: which watches it is for ({@link WatchMatcher}; a listing that
 * fits a wanted work but not one pressing gets an item look-up, its catalog number and barcode, as far
 * as the poll's allowance goes), then per watch the grade it asks for, the reference price (the
 * listing's grade, as for searches), and the alert: at or under the watch's max price when it has one
 * (whatever the reference), else at or under the reference. A listing without a known shipping cost is
 * priced alone and flagged.
 */
final class WatchDeals implements ListingHandler {

    /** The threshold when a max price decides: every discount, also a price above the reference. */
    static final double NO_FLOOR = -1000;
    static final String WANTED = "on your Discogs wantlist";
    private static final Logger LOG = LoggerFactory.getLogger(WatchDeals.class);

    private final PollContext context;
    private final WatchBatch batch;
    private final WatchMatcher matcher;

    WatchDeals(PollContext context, ScopedCatalog scoped, WatchBatch batch, WatchScopes.Scope scope) {
        this.context = context;
        this.batch = batch;
        this.matcher = new WatchMatcher(context.matcher(), scoped, batch, scope);
    }

    @Override
    public String names() {
        return "watches #" + batch.id() + " (" + batch.wants().size() + (batch.wants().size() == 1 ? " want)" : " wants)");
    }

    @Override
    public Handled handle(Listing listing, boolean detailsAllowed, PollReport report) {
        WatchMatcher.Verdict verdict = matcher.match(listing);
        if (verdict.undecided() && detailsAllowed && report.details < context.settings().maxDetailsPerPoll()
                && listing.gtin() == null && listing.aspects().isEmpty()) {
            Listing detailed = context.details(listing);
            if (detailed != null) {
                report.details++;
                listing = detailed;
                verdict = matcher.match(listing);
            }
        }
        MatchOutcome outcome = verdict.outcome();
        if (verdict.takers().isEmpty()) {
            return !outcome.matched() && outcome.refusal() == null && !outcome.problems().isEmpty()
                    ? Handled.RETRY : Handled.DONE;
        }
        MatchResult match = outcome.result();
        context.matched(listing, match, report);
        if (context.oracle() == null || listing.price() == null) {
            return Handled.DONE;
        }
        PollContext.Priced priced = context.price(listing, match.releaseIds());
        if (!priced.any()) {
            LOG.debug("Listing {} is wanted, but no reference price is known for {}", listing.id(), match.releaseIds());
            return Handled.DONE;
        }
        report.priced++;
        boolean deal = false;
        for (Want want : verdict.takers()) {
            Optional<Deal> alert = dealFor(want, listing, match, priced);
            if (alert.isPresent()) {
                deal = true;
                context.alert(want.chatId(), alert.get(), report);
            }
        }
        if (deal) {
            report.deals++;
        }
        return Handled.DONE;
    }

    private Optional<Deal> dealFor(Want want, Listing listing, MatchResult match, PollContext.Priced priced) {
        Optional<Grade> grade = ListingGrade.of(listing);
        if (want.minGrade() != null && (grade.isEmpty() || grade.get().ordinal() > want.minGrade().ordinal())) {
            LOG.debug("Listing {} for want #{}: grade {} is below {}", listing.id(), want.id(),
                    grade.map(Grade::discogsName).orElse("unknown"), want.minGrade().discogsName());
            return Optional.empty();
        }
        MatchResult own = want.pressingsAny() ? match
                : new MatchResult(List.of(want.releaseId()), match.method(), match.confidence(), match.reasons());
        Scored scored = context.scorer().score(listing, own, priced.releases(), priced.quotes(),
                want.maxPrice() != null ? NO_FLOOR : 0.0, true);
        if (!scored.isDeal()) {
            LOG.debug("Listing {} for want #{}: {}", listing.id(), want.id(), scored.detail());
            return Optional.empty();
        }
        Deal deal = scored.deal();
        if (want.maxPrice() != null) {
            Money cost = deal.landedCost();
            if (want.currency() != null && !want.currency().equals(cost.currency())) {
                LOG.debug("Listing {} for want #{}: priced in {}, the max in {}", listing.id(), want.id(),
                        cost.currency(), want.currency());
                return Optional.empty();
            }
            if (cost.amount().compareTo(want.maxPrice()) > 0) {
                LOG.debug("Listing {} for want #{}: {} is over the max {}", listing.id(), want.id(), cost, want.maxPrice());
                return Optional.empty();
            }
        }
        List<String> flags = new ArrayList<>();
        flags.add(WANTED + (want.maxPrice() == null ? "" : ", your max " + want.maxPrice().toPlainString() + " "
                + (want.currency() == null ? deal.landedCost().currency() : want.currency())));
        flags.addAll(deal.flags());
        return Optional.of(new Deal(deal.listing(), deal.release(), deal.match(), deal.reference(), deal.landedCost(),
                deal.discount(), deal.priority(), flags));
    }
}
