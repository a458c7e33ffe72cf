package io.vinyldetective.engine.scoring;

import io.vinyldetective.api.Deal;
import io.vinyldetective.api.Grade;
import io.vinyldetective.api.Listing;
import io.vinyldetective.api.MatchResult;
import io.vinyldetective.api.Money;
import io.vinyldetective.api.PriceQuote;
import io.vinyldetective.api.Release;
import io.vinyldetective.engine.scoring.Scored.Outcome;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Decides whether a matched listing is a deal: how far its landed cost (price plus shipping) is below
 * a conservative reference price, and what the reader should be warned about.
 *
 * <p><b>Reference of one candidate release.</b> Only quotes in the landed cost's currency with a positive
 * price count. Quotes with a grade are per-condition suggestions; quotes without one are
 * condition-independent figures such as the lowest listed price. With the listing's
 * {@linkplain ListingGrade grade} known, the reference is the suggestion for that grade or, when missing,
 * for the nearest lower grade (cheaper, so conservative); failing that, the lowest condition-independent
 * figure. A higher grade's suggestion is never used for a graded listing: a {@code G} copy is not priced
 * as {@code VG+}. With the grade unknown, the reference is the lower of the {@code VG+} suggestion
 * (or the nearest lower grade's) and the lowest condition-independent figure, whichever exist; suggestions
 * above {@code VG+} alone give no reference.
 *
 * <p><b>Several candidate pressings.</b> The lowest reference among them is used, so the discount is a
 * lower bound; the deal names the release it belongs to (the better match on a tie).
 *
 * <p><b>Priority.</b> A discount at or above 40 % is {@code HIGH}, at or above the
 * threshold {@code NORMAL}; below the threshold there is no deal. A threshold above 40 %
 * thus gives only {@code HIGH} deals.
 *
 * <p>Ordinary bad data (missing quotes, zero prices, other currencies) never throws: it is skipped.
 */
public final class DealScorer {

    static final double HIGH_DISCOUNT = 0.40;
    /** A discount at or above this from a little-known or poorly rated seller is flagged. */
    static final double TOO_GOOD_DISCOUNT = 0.60;
    static final int MIN_SELLER_FEEDBACK = 10;
    static final double MIN_SELLER_PERCENT = 95.0;
    /** Fewer copies for sale than this is a thin market. */
    static final int THIN_MARKET = 3;
    /** A reference older than this is flagged with its date. */
    static final Duration STALE_AFTER = Duration.ofDays(30);
    /** The grade an ungraded listing is priced at (at most). */
    static final Grade UNGRADED_AS = Grade.VERY_GOOD_PLUS;

    static final String SHIPPING_UNKNOWN = "shipping unknown: not included in the price";

    private final Clock clock;

    public DealScorer() {
        this(Clock.systemUTC());
    }

    /** With the clock that decides when a reference price is stale. */
    public DealScorer(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    private record Candidate(Release release, PriceQuote reference, List<PriceQuote> quotes) {
    }

    /**
     * Scores a matched listing.
     *
     * @param releases             the candidate releases that are known, by id
     * @param quotes               reference quotes per release id; missing or empty for some is fine
     * @param threshold            the smallest discount that is a deal, e.g. {@code 0.25}
     * @param alertWithoutShipping whether a listing with unknown shipping may still be a deal (priced
     *                             without shipping, and flagged)
     */
    public Scored score(Listing listing, MatchResult match, Map<Long, Release> releases,
                        Map<Long, List<PriceQuote>> quotes, double threshold, boolean alertWithoutShipping) {
        Money price = listing.price();
        if (price == null) {
            return new Scored(Outcome.NO_PRICE, null, null, "no price");
        }
        Optional<Grade> grade = ListingGrade.of(listing);
        Candidate chosen = null;
        int priced = 0;
        for (long id : match.releaseIds()) {
            Release release = releases.get(id);
            List<PriceQuote> own = quotes.getOrDefault(id, List.of());
            PriceQuote reference = release == null || own == null ? null : reference(own, price.currency(), grade);
            if (reference == null) {
                continue;
            }
            priced++;
            if (chosen == null || reference.price().amount().compareTo(chosen.reference().price().amount()) < 0) {
                chosen = new Candidate(release, reference, own);
            }
        }
        if (chosen == null) {
            return new Scored(Outcome.NO_REFERENCE, null, null,
                    "no reference price in " + price.currency() + " for releases " + match.releaseIds());
        }
        Money reference = chosen.reference().price();

        List<String> flags = new ArrayList<>();
        Money landed = listing.landedCost();
        if (landed == null) {
            String shipping = listing.shipping() == null ? "shipping unknown" : "shipping in " + listing.shipping().currency();
            if (!alertWithoutShipping) {
                return new Scored(Outcome.UNKNOWN_SHIPPING, null, null,
                        shipping + "; price alone " + below(discount(price, reference), reference));
            }
            landed = price;
            flags.add(listing.shipping() == null ? SHIPPING_UNKNOWN : shipping + ": not included in the price");
        }

        BigDecimal discount = discount(landed, reference);
        String detail = below(discount, reference) + ", threshold " + percent(BigDecimal.valueOf(threshold)) + " %";
        if (discount.compareTo(BigDecimal.valueOf(threshold)) < 0) {
            return new Scored(Outcome.BELOW_THRESHOLD, null, discount.doubleValue(), detail);
        }
        Deal.Priority priority = discount.compareTo(BigDecimal.valueOf(HIGH_DISCOUNT)) >= 0
                ? Deal.Priority.HIGH : Deal.Priority.NORMAL;

        tooGoodToBeTrue(discount, listing.seller()).ifPresent(flags::add);
        thinMarket(chosen).ifPresent(flags::add);
        if (match.releaseIds().size() > 1) {
            flags.add(match.releaseIds().size() + " possible pressings: "
                    + (priced > 1 ? "lowest reference used" : "only one has a reference price"));
        }
        if (chosen.reference().asOf().isBefore(clock.instant().minus(STALE_AFTER))) {
            flags.add("reference price from " + LocalDate.ofInstant(chosen.reference().asOf(), ZoneOffset.UTC));
        }
        Deal deal = new Deal(listing, chosen.release(), match, chosen.reference(), landed, discount.doubleValue(),
                priority, flags);
        return new Scored(Outcome.DEAL, deal, discount.doubleValue(), detail);
    }

    /** One release's reference in a currency for a listing of a grade (see the class comment), or null. */
    static PriceQuote reference(List<PriceQuote> quotes, String currency, Optional<Grade> grade) {
        Map<Grade, PriceQuote> suggestions = new EnumMap<>(Grade.class);
        PriceQuote independent = null;
        for (PriceQuote q : quotes) {
            if (q == null || !q.price().currency().equals(currency) || q.price().amount().signum() <= 0) {
                continue;
            }
            if (q.grade() == null) {
                independent = cheaper(independent, q);
            } else {
                suggestions.merge(q.grade(), q, DealScorer::cheaper);
            }
        }
        if (grade.isPresent()) {
            PriceQuote graded = atOrBelow(suggestions, grade.get());
            return graded != null ? graded : independent;
        }
        return cheaper(atOrBelow(suggestions, UNGRADED_AS), independent);
    }

    private static PriceQuote atOrBelow(Map<Grade, PriceQuote> suggestions, Grade grade) {
        Grade[] grades = Grade.values();
        for (int i = grade.ordinal(); i < grades.length; i++) {
            PriceQuote q = suggestions.get(grades[i]);
            if (q != null) {
                return q;
            }
        }
        return null;
    }

    private static PriceQuote cheaper(PriceQuote a, PriceQuote b) {
        if (a == null || b == null) {
            return a == null ? b : a;
        }
        return b.price().amount().compareTo(a.price().amount()) < 0 ? b : a;
    }

    private static BigDecimal discount(Money landed, Money reference) {
        return BigDecimal.ONE.subtract(landed.amount().divide(reference.amount(), MathContext.DECIMAL64));
    }

    private static Optional<String> tooGoodToBeTrue(BigDecimal discount, Listing.Seller seller) {
        if (seller == null || discount.compareTo(BigDecimal.valueOf(TOO_GOOD_DISCOUNT)) < 0) {
            return Optional.empty();
        }
        Integer score = seller.feedbackScore();
        Double percent = seller.feedbackPercent();
        boolean few = score != null && score < MIN_SELLER_FEEDBACK;
        boolean poor = percent != null && percent < MIN_SELLER_PERCENT;
        if (!few && !poor) {
            return Optional.empty();
        }
        String rating = percent == null ? "" : oneDecimal(BigDecimal.valueOf(percent)) + " % positive";
        String who = score == null ? "seller is " + rating
                : "seller has " + score + " feedback" + (rating.isEmpty() ? "" : ", " + rating);
        return Optional.of("too good to be true? " + who);
    }

    /** Copies for sale of the chosen release: the condition-independent quote's count, else any quote's. */
    private static Optional<String> thinMarket(Candidate chosen) {
        Integer forSale = null;
        String source = chosen.reference().source();
        for (PriceQuote q : chosen.quotes()) {
            if (q != null && q.forSale() != null && (forSale == null || q.grade() == null)) {
                forSale = q.forSale();
                source = q.source();
            }
        }
        if (forSale == null || forSale >= THIN_MARKET) {
            return Optional.empty();
        }
        String where = " for sale on " + marketplace(source);
        return Optional.of(forSale == 0 ? "no copies" + where
                : "thin market: only " + forSale + (forSale == 1 ? " copy" : " copies") + where);
    }

    /** {@code discogs:lowest_listed} gives {@code Discogs}. */
    private static String marketplace(String source) {
        String name = source.contains(":") ? source.substring(0, source.indexOf(':')) : source;
        return name.isEmpty() ? name : name.substring(0, 1).toUpperCase(Locale.ROOT) + name.substring(1);
    }

    private static String below(BigDecimal discount, Money reference) {
        return discount.signum() >= 0 ? percent(discount) + " % below " + reference
                : percent(discount.negate()) + " % above " + reference;
    }

    /** 0.4567 gives {@code 45.6}, 0.25 gives {@code 25}. */
    private static String percent(BigDecimal fraction) {
        return oneDecimal(fraction.movePointRight(2));
    }

    /** Rounded towards zero, so 24.99 % below a 25 % threshold never reads as 25. */
    private static String oneDecimal(BigDecimal n) {
        return n.setScale(1, RoundingMode.DOWN).stripTrailingZeros().toPlainString();
    }
}
