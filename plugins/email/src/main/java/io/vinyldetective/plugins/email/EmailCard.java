package io.vinyldetective.plugins.email;

import io.vinyldetective.api.AuctionText;
import io.vinyldetective.api.Deal;
import io.vinyldetective.api.Listing;
import io.vinyldetective.api.Money;
import io.vinyldetective.api.PriceQuote;
import io.vinyldetective.api.Release;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/**
 * A deal as a mail: the subject, a plain-text card and the same card as simple HTML (a heading that
 * links to the listing, a table of prices, the warnings). Every value is HTML-escaped in the HTML part.
 */
final class EmailCard {

    private EmailCard() {
    }

    static String subject(Deal deal) {
        String s = (deal.priority() == Deal.Priority.HIGH ? "🔥 " : "") + Math.round(deal.discount() * 100) + " % below: "
                + deal.release().artistLine() + " — " + deal.release().title();
        return cut(s.replaceAll("\\p{Cntrl}", " "), 180);
    }

    /** Label and value pairs of the card, in order. */
    private static Map<String, String> rows(Deal deal) {
        Listing listing = deal.listing();
        PriceQuote reference = deal.reference();
        Map<String, String> rows = new LinkedHashMap<>();
        rows.put("Price", money(listing.price()));
        rows.put("Shipping", listing.shipping() == null ? "unknown" : money(listing.shipping()));
        rows.put("Landed", money(deal.landedCost()));
        // Rendered at delivery: an auction's time left counts from now.
        AuctionText.of(listing, Instant.now()).ifPresent(line -> rows.put("Auction", line.substring("Auction: ".length())));
        StringJoiner ref = new StringJoiner(", ", " (", ")");
        if (reference.grade() != null) {
            ref.add(reference.grade().discogsName());
        }
        ref.add(reference.source());
        if (reference.forSale() != null) {
            ref.add(reference.forSale() + " for sale");
        }
        rows.put("Reference", money(reference.price()) + ref);
        rows.put("Discount", Math.round(deal.discount() * 100) + " %");
        rows.put("Match", String.format(Locale.ROOT, "%s (%.0f %%)", deal.match().method(), deal.match().confidence() * 100)
                + (deal.match().reasons().isEmpty() ? "" : " — " + String.join("; ", deal.match().reasons())));
        if (listing.condition() != null) {
            rows.put("Condition", listing.condition());
        }
        rows.put("Listing", listing.title());
        return rows;
    }

    private static String about(Release release) {
        StringJoiner what = new StringJoiner(" · ");
        if (release.formatDescription() != null) {
            what.add(release.formatDescription());
        } else if (release.format() != null) {
            what.add(release.format().displayName());
        }
        release.labels().stream().findFirst().ifPresent(l -> what.add(l.label() + (l.catalogNumber() == null ? "" : " " + l.catalogNumber())));
        if (release.country() != null || release.year() != null) {
            what.add(((release.country() == null ? "" : release.country() + " ") + (release.year() == null ? "" : release.year())).strip());
        }
        return what.toString();
    }

    static String text(Deal deal) {
        List<String> lines = new ArrayList<>();
        lines.add(deal.release().artistLine() + " — " + deal.release().title());
        String about = about(deal.release());
        if (!about.isEmpty()) {
            lines.add(about);
        }
        lines.add("");
        rows(deal).forEach((k, v) -> lines.add(k + ": " + v));
        deal.flags().forEach(f -> lines.add("⚠ " + f));
        if (link(deal) != null) {
            lines.add("");
            lines.add(link(deal));
        }
        return String.join("\n", lines) + "\n";
    }

    static String html(Deal deal) {
        StringBuilder sb = new StringBuilder("<!DOCTYPE html><html><body style=\"font-family:sans-serif\">");
        String title = escape(deal.release().artistLine() + " — " + deal.release().title());
        String link = link(deal);
        sb.append("<h2>").append(link == null ? title : "<a href=\"" + escape(link) + "\">" + title + "</a>").append("</h2>");
        String about = about(deal.release());
        if (!about.isEmpty()) {
            sb.append("<p>").append(escape(about)).append("</p>");
        }
        sb.append("<table cellpadding=\"4\">");
        rows(deal).forEach((k, v) -> sb.append("<tr><th align=\"left\">").append(escape(k)).append("</th><td>")
                .append(escape(v)).append("</td></tr>"));
        sb.append("</table>");
        for (String flag : deal.flags()) {
            sb.append("<p>⚠ ").append(escape(flag)).append("</p>");
        }
        if (link != null) {
            sb.append("<p><a href=\"").append(escape(link)).append("\">Open the listing</a></p>");
        }
        return sb.append("</body></html>").toString();
    }

    private static String link(Deal deal) {
        String url = deal.listing().webUrl();
        return url != null && url.matches("https?://\\S+") ? url : null;
    }

    static String escape(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    private static String money(Money m) {
        return m == null ? "?" : m.amount().setScale(2, RoundingMode.HALF_UP).toPlainString() + " " + m.currency();
    }

    private static String cut(String text, int limit) {
        if (text.length() <= limit) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(limit - 2)) ? limit - 2 : limit - 1;
        return text.substring(0, end) + "…";
    }
}
