package io.vinyldetective.api;

import java.math.RoundingMode;
import java.util.Locale;
import java.util.StringJoiner;

/**
 * The plain-text pieces of an alert card that every notifier words the same: amounts, the release's
 * one-line description, the reference with its basis, the match. A notifier lays them out and escapes
 * them for its own markup.
 *
 * @since 1.3.0
 */
public final class DealText {

    private DealText() {
    }

    /** {@code 12.50 USD}, or {@code ?} when unknown. */
    public static String money(Money m) {
        return m == null ? "?" : m.amount().setScale(2, RoundingMode.HALF_UP).toPlainString() + " " + m.currency();
    }

    /**
     * {@code Vinyl, LP, Album, Mono · Blue Note BLP 4003 · US 1959}: the format (its description, else its
     * name), the first label with its catalog number, the country and year; empty when none is known.
     */
    public static String about(Release release) {
        StringJoiner what = new StringJoiner(" · ");
        if (release.formatDescription() != null) {
            what.add(release.formatDescription());
        } else if (release.format() != null) {
            what.add(release.format().displayName());
        }
        release.labels().stream().findFirst().ifPresent(l -> what.add(l.label()
                + (l.catalogNumber() == null ? "" : " " + l.catalogNumber())));
        if (release.country() != null || release.year() != null) {
            what.add(((release.country() == null ? "" : release.country() + " ")
                    + (release.year() == null ? "" : release.year())).strip());
        }
        return what.toString();
    }

    /** {@code 120.00 EUR (Very Good Plus (VG+), discogs:price_suggestion, 7 for sale)}. */
    public static String reference(PriceQuote reference) {
        StringJoiner basis = new StringJoiner(", ", " (", ")");
        if (reference.grade() != null) {
            basis.add(reference.grade().discogsName());
        }
        basis.add(reference.source());
        if (reference.forSale() != null) {
            basis.add(reference.forSale() + " for sale");
        }
        return money(reference.price()) + basis;
    }

    /** {@code catalog_no (97 %) — catalog number BLP 4003; label Blue Note}. */
    public static String match(MatchResult match) {
        return String.format(Locale.ROOT, "%s (%.0f %%)", match.method(), match.confidence() * 100)
                + (match.reasons().isEmpty() ? "" : " — " + String.join("; ", match.reasons()));
    }

    /** The text cut to {@code limit} characters, the last one an ellipsis, never splitting a surrogate pair. */
    public static String cut(String text, int limit) {
        if (text.length() <= limit) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(limit - 2)) ? limit - 2 : limit - 1;
        return text.substring(0, end) + "…";
    }
}
