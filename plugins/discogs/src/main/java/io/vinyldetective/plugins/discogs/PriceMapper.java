package io.vinyldetective.plugins.discogs;

import io.vinyldetective.api.Grade;
import io.vinyldetective.api.Money;
import io.vinyldetective.api.PriceQuote;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Turns {@code /marketplace/price_suggestions/{id}} and {@code /marketplace/stats/{id}} answers into
 * {@link PriceQuote}s. Only amounts in the currency asked for are kept (a price is never converted);
 * unknown condition names and entries without an amount are skipped and reported to {@code skipped}.
 */
final class PriceMapper {

    static final String SUGGESTION = "discogs:price_suggestion";
    static final String LOWEST_LISTED = "discogs:lowest_listed";

    /** Discogs suggests unrounded floats ({@code 9.7973057}); cents are enough. */
    private static final int SCALE = 2;

    private PriceMapper() {
    }

    /** What the marketplace stats say: the lowest listed price (or null) and how many copies are for sale. */
    record Stats(Money lowest, Integer forSale) {
        static final Stats UNKNOWN = new Stats(null, null);
    }

    /**
     * Reads stats. {@code lowest_price} and {@code num_for_sale} are null when nothing is for sale
     * (then {@code forSale} is 0) or when the release is blocked from sale (then unknown).
     */
    static Stats stats(JsonDoc json, String currency, Consumer<String> skipped) {
        Long count = json.longValue("num_for_sale");
        Integer forSale;
        if (count != null && count >= 0) {
            forSale = (int) Math.min(count, Integer.MAX_VALUE);
        } else {
            forSale = json.isTrue("blocked_from_sale") ? null : 0;
        }
        JsonDoc lowest = json.object("lowest_price");
        Money price = lowest == null ? null : money(lowest, currency, "lowest_price", skipped);
        if (price == null && json.decimal("lowest_price") != null) {
            skipped.accept("lowest_price without a currency");
        }
        return new Stats(price, forSale);
    }

    /** One quote per known condition; {@code {}} gives none. */
    static List<PriceQuote> suggestions(long releaseId, JsonDoc json, String currency, Integer forSale, Instant asOf,
                                        Consumer<String> skipped) {
        List<PriceQuote> quotes = new ArrayList<>();
        for (String key : json.keys()) {
            Grade grade = Grade.fromDiscogsName(key);
            if (grade == null) {
                skipped.accept("unknown condition '" + abbreviate(key) + "'");
                continue;
            }
            JsonDoc value = json.object(key);
            Money price = value == null ? null : money(value, currency, key, skipped);
            if (price == null) {
                if (value == null) {
                    skipped.accept("no amount for '" + key + "'");
                }
                continue;
            }
            quotes.add(new PriceQuote(releaseId, price, grade, SUGGESTION, forSale, asOf));
        }
        quotes.sort((a, b) -> a.grade().compareTo(b.grade()));
        return quotes;
    }

    /** The lowest-listed quote, when the stats have a price. */
    static List<PriceQuote> lowestListed(long releaseId, Stats stats, Instant asOf) {
        return stats.lowest() == null ? List.of()
                : List.of(new PriceQuote(releaseId, stats.lowest(), null, LOWEST_LISTED, stats.forSale(), asOf));
    }

    private static Money money(JsonDoc value, String currency, String what, Consumer<String> skipped) {
        BigDecimal amount = value.decimal("value");
        String in = value.string("currency");
        if (amount == null || amount.signum() < 0) {
            skipped.accept("no usable amount for '" + abbreviate(what) + "'");
            return null;
        }
        if (in == null || !in.equalsIgnoreCase(currency)) {
            skipped.accept("'" + abbreviate(what) + "' is in " + (in == null ? "no currency" : abbreviate(in))
                    + ", not " + currency + " (never converted)");
            return null;
        }
        return new Money(amount.setScale(SCALE, RoundingMode.HALF_UP), currency);
    }

    private static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}
