package io.vinyldetective.plugins.ntfy;

import io.vinyldetective.api.AuctionText;
import io.vinyldetective.api.Deal;
import io.vinyldetective.api.DealText;
import io.vinyldetective.api.Listing;
import io.vinyldetective.api.Release;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
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
        return DealText.cut(clean(title), TITLE_LIMIT);
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

    /** The message as of {@code now} (an auction's time left counts from it). */
    static String body(Deal deal, Instant now) {
        Listing listing = deal.listing();
        Release release = deal.release();
        List<String> lines = new ArrayList<>();
        String about = DealText.about(release);
        if (!about.isEmpty()) {
            lines.add(about);
        }
        lines.add("Price: " + DealText.money(listing.price()) + (listing.shipping() == null ? " + shipping unknown"
                : " + " + DealText.money(listing.shipping()) + " shipping") + " = " + DealText.money(deal.landedCost()));
        AuctionText.of(listing, now).ifPresent(lines::add);
        lines.add("Reference: " + DealText.reference(deal.reference()));
        lines.add("Match: " + DealText.match(deal.match()));
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


    /** Control characters (but line breaks) out: a seller's title may hold anything. */
    private static String clean(String text) {
        return text.replaceAll("[\\p{Cntrl}&&[^\n]]", " ");
    }

}
