package io.vinyldetective.plugins.ntfy;

import io.vinyldetective.api.AuctionText;
import io.vinyldetective.api.Deal;
import io.vinyldetective.api.Listing;
import io.vinyldetective.api.Money;
import io.vinyldetective.api.PriceQuote;
import io.vinyldetective.api.Release;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;

/**
 * A deal as an ntfy message: a title, a plain-text body, a priority (4, high, for a high-priority
 * deal, else 3, the default), tags ({@code cd}, and {@code fire} when high; ntfy shows them as
 * emoji) and the listing's link as the click action. Header values must be ASCII on the wire, so a
 * title with other characters goes as RFC 2047 encoded words, which ntfy decodes.
 */
final class NtfyCard {

    /** ntfy turns a longer body into an attachment; stay well under its 4,096 bytes. */
    static final int BODY_LIMIT = 3500;
    static final int TITLE_LIMIT = 150;

    private NtfyCard() {
    }

    static String title(Deal deal) {
        String title = Math.round(deal.discount() * 100) + " % below: " + deal.release().artistLine() + " — "
                + deal.release().title();
        return cut(clean(title), TITLE_LIMIT);
    }

    static String priority(Deal deal) {
        return deal.priority() == Deal.Priority.HIGH ? "4" : "3";
    }

    static String tags(Deal deal) {
        return deal.priority() == Deal.Priority.HIGH ? "cd,fire" : "cd";
    }

    /** The listing's link, when it is a plain ASCII http(s) URL (a header cannot carry anything else). */
    static String click(Deal deal) {
        String url = deal.listing().webUrl();
        return url != null && url.matches("https?://[!-~]+") ? url : null;
    }

    static String body(Deal deal) {
        Listing listing = deal.listing();
        Release release = deal.release();
        PriceQuote reference = deal.reference();
        List<String> lines = new ArrayList<>();
        StringJoiner about = new StringJoiner(" · ");
        if (release.formatDescription() != null) {
            about.add(release.formatDescription());
        } else if (release.format() != null) {
            about.add(release.format().displayName());
        }
        release.labels().stream().findFirst().ifPresent(l -> about.add(l.label()
                + (l.catalogNumber() == null ? "" : " " + l.catalogNumber())));
        if (release.country() != null || release.year() != null) {
            about.add(((release.country() == null ? "" : release.country() + " ")
                    + (release.year() == null ? "" : release.year())).strip());
        }
        if (about.length() > 0) {
            lines.add(about.toString());
        }
        lines.add("Price: " + money(listing.price()) + (listing.shipping() == null ? " + shipping unknown"
                : " + " + money(listing.shipping()) + " shipping") + " = " + money(deal.landedCost()));
        // Rendered at delivery: an auction's time left counts from now.
        AuctionText.of(listing, Instant.now()).ifPresent(lines::add);
        StringJoiner ref = new StringJoiner(", ", " (", ")");
        if (reference.grade() != null) {
            ref.add(reference.grade().discogsName());
        }
        ref.add(reference.source());
        if (reference.forSale() != null) {
            ref.add(reference.forSale() + " for sale");
        }
        lines.add("Reference: " + money(reference.price()) + ref);
        lines.add(String.format(Locale.ROOT, "Match: %s (%.0f %%)", deal.match().method(), deal.match().confidence() * 100)
                + (deal.match().reasons().isEmpty() ? "" : " — " + String.join("; ", deal.match().reasons())));
        if (listing.condition() != null) {
            lines.add("Condition: " + listing.condition());
        }
        for (String flag : deal.flags()) {
            lines.add("⚠ " + flag);
        }
        lines.add("Listing: " + listing.title());
        String body = clean(String.join("\n", lines));
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        if (bytes.length <= BODY_LIMIT) {
            return body;
        }
        String cut = new String(bytes, 0, BODY_LIMIT, StandardCharsets.UTF_8);
        return cut.substring(0, Math.max(0, cut.length() - 2)) + "…";
    }

    /**
     * A header value as ntfy accepts it: the text itself when it is printable ASCII, else RFC 2047
     * encoded words ({@code =?UTF-8?B?...?=}), each under 76 characters and never splitting a character.
     */
    static String header(String text) {
        if (text.matches("[ -~]*")) {
            return text;
        }
        StringJoiner words = new StringJoiner(" ");
        StringBuilder chunk = new StringBuilder();
        int bytes = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            String c = new String(Character.toChars(cp));
            int size = c.getBytes(StandardCharsets.UTF_8).length;
            if (bytes + size > 45) {
                words.add(encodedWord(chunk.toString()));
                chunk.setLength(0);
                bytes = 0;
            }
            chunk.append(c);
            bytes += size;
            i += Character.charCount(cp);
        }
        if (chunk.length() > 0) {
            words.add(encodedWord(chunk.toString()));
        }
        return words.toString();
    }

    private static String encodedWord(String text) {
        return "=?UTF-8?B?" + Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8)) + "?=";
    }

    private static String money(Money m) {
        return m == null ? "?" : m.amount().setScale(2, RoundingMode.HALF_UP).toPlainString() + " " + m.currency();
    }

    /** Control characters (but line breaks) out: a seller's title may hold anything. */
    private static String clean(String text) {
        return text.replaceAll("[\\p{Cntrl}&&[^\n]]", " ");
    }

    private static String cut(String text, int limit) {
        if (text.length() <= limit) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(limit - 2)) ? limit - 2 : limit - 1;
        return text.substring(0, end) + "…";
    }
}
