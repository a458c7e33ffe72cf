package io.vinyldetective.plugins.email;

import io.vinyldetective.api.AuctionText;
import io.vinyldetective.api.Deal;
import io.vinyldetective.api.DealText;
import io.vinyldetective.api.Listing;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
        return DealText.cut(s.replaceAll("\\p{Cntrl}", " "), 180);
    }

    /** Label and value pairs of the card, in order. */
    private static Map<String, String> rows(Deal deal, Instant now) {
        Listing listing = deal.listing();
        Map<String, String> rows = new LinkedHashMap<>();
        rows.put("Price", DealText.money(listing.price()));
        rows.put("Shipping", listing.shipping() == null ? "unknown" : DealText.money(listing.shipping()));
        rows.put("Landed", DealText.money(deal.landedCost()));
        AuctionText.of(listing, now).ifPresent(line -> rows.put("Auction", line.substring("Auction: ".length())));
        rows.put("Reference", DealText.reference(deal.reference()));
        rows.put("Discount", Math.round(deal.discount() * 100) + " %");
        rows.put("Match", DealText.match(deal.match()));
        if (listing.condition() != null) {
            rows.put("Condition", listing.condition());
        }
        rows.put("Listing", listing.title());
        return rows;
    }


    /** The plain-text card as of {@code now} (an auction's time left counts from it). */
    static String text(Deal deal, Instant now) {
        List<String> lines = new ArrayList<>();
        lines.add(deal.release().artistLine() + " — " + deal.release().title());
        String about = DealText.about(deal.release());
        if (!about.isEmpty()) {
            lines.add(about);
        }
        lines.add("");
        rows(deal, now).forEach((k, v) -> lines.add(k + ": " + v));
        deal.flags().forEach(f -> lines.add("⚠ " + f));
        if (link(deal) != null) {
            lines.add("");
            lines.add(link(deal));
        }
        return String.join("\n", lines) + "\n";
    }

    /** The HTML card as of {@code now}. */
    static String html(Deal deal, Instant now) {
        StringBuilder sb = new StringBuilder("<!DOCTYPE html><html><body style=\"font-family:sans-serif\">");
        String title = escape(deal.release().artistLine() + " — " + deal.release().title());
        String link = link(deal);
        sb.append("<h2>").append(link == null ? title : "<a href=\"" + escape(link) + "\">" + title + "</a>").append("</h2>");
        String about = DealText.about(deal.release());
        if (!about.isEmpty()) {
            sb.append("<p>").append(escape(about)).append("</p>");
        }
        sb.append("<table cellpadding=\"4\">");
        rows(deal, now).forEach((k, v) -> sb.append("<tr><th align=\"left\">").append(escape(k)).append("</th><td>")
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


}
