package io.vinyldetective.plugins.discord;

import com.fasterxml.jackson.jr.ob.JSON;
import io.vinyldetective.api.AuctionText;
import io.vinyldetective.api.Deal;
import io.vinyldetective.api.Listing;
import io.vinyldetective.api.Money;
import io.vinyldetective.api.PriceQuote;
import io.vinyldetective.api.Release;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/**
 * A deal as a Discord webhook message: a one-line {@code content} and one embed whose title links to
 * the listing, with inline fields for price, shipping, landed cost, reference and discount, then the
 * match and the warnings. Every text is cut to Discord's limits (title 256, description 4,096, field
 * value 1,024; 6,000 in all), and mentions are switched off, so a seller's {@code @everyone} pings
 * nobody.
 */
final class DiscordCard {

    /** Orange for a deal, red for a high-priority one. */
    static final int COLOR = 0xE67E22;
    static final int COLOR_HIGH = 0xE74C3C;

    private DiscordCard() {
    }

    static String json(Deal deal, String username) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("username", username);
        message.put("content", cut((deal.priority() == Deal.Priority.HIGH ? "🔥 " : "") + Math.round(deal.discount() * 100)
                + " % below the reference: " + deal.release().artistLine() + " — " + deal.release().title(), 2000));
        message.put("embeds", List.of(embed(deal)));
        message.put("allowed_mentions", Map.of("parse", List.of()));
        try {
            return JSON.std.asString(message);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Object> embed(Deal deal) {
        Listing listing = deal.listing();
        Release release = deal.release();
        PriceQuote reference = deal.reference();
        Map<String, Object> embed = new LinkedHashMap<>();
        embed.put("title", cut(release.artistLine() + " — " + release.title(), 256));
        if (listing.webUrl() != null && listing.webUrl().matches("https?://\\S+")) {
            embed.put("url", listing.webUrl());
        }
        List<String> about = new ArrayList<>();
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
        if (what.length() > 0) {
            about.add(what.toString());
        }
        about.add("Listing: " + listing.title());
        embed.put("description", cut(String.join("\n", about), 2000));
        embed.put("color", deal.priority() == Deal.Priority.HIGH ? COLOR_HIGH : COLOR);
        List<Map<String, Object>> fields = new ArrayList<>();
        fields.add(field("Price", money(listing.price()), true));
        fields.add(field("Shipping", listing.shipping() == null ? "unknown" : money(listing.shipping()), true));
        fields.add(field("Landed", money(deal.landedCost()), true));
        // Rendered at delivery: an auction's time left counts from now.
        AuctionText.of(listing, Instant.now()).ifPresent(line -> fields.add(field("Auction",
                line.substring("Auction: ".length()), false)));
        StringJoiner ref = new StringJoiner(", ", " (", ")");
        if (reference.grade() != null) {
            ref.add(reference.grade().discogsName());
        }
        ref.add(reference.source());
        if (reference.forSale() != null) {
            ref.add(reference.forSale() + " for sale");
        }
        fields.add(field("Reference", money(reference.price()) + ref, true));
        fields.add(field("Discount", Math.round(deal.discount() * 100) + " %", true));
        fields.add(field("Match", String.format(Locale.ROOT, "%s (%.0f %%)", deal.match().method(), deal.match().confidence() * 100)
                + (deal.match().reasons().isEmpty() ? "" : " — " + String.join("; ", deal.match().reasons())), false));
        if (listing.condition() != null) {
            fields.add(field("Condition", listing.condition(), true));
        }
        if (!deal.flags().isEmpty()) {
            fields.add(field("Warnings", "⚠ " + String.join("\n⚠ ", deal.flags()), false));
        }
        embed.put("fields", fields);
        if (listing.imageUrl() != null && listing.imageUrl().startsWith("https://")) {
            embed.put("thumbnail", Map.of("url", listing.imageUrl()));
        }
        if (listing.createdAt() != null) {
            embed.put("timestamp", listing.createdAt().toString());
        }
        return embed;
    }

    private static Map<String, Object> field(String name, String value, boolean inline) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("name", name);
        f.put("value", cut(value.isBlank() ? "-" : value, 1024));
        f.put("inline", inline);
        return f;
    }

    private static String money(Money m) {
        return m == null ? "?" : m.amount().setScale(2, RoundingMode.HALF_UP).toPlainString() + " " + m.currency();
    }

    static String cut(String text, int limit) {
        String clean = text.replaceAll("[\\p{Cntrl}&&[^\n]]", " ");
        if (clean.length() <= limit) {
            return clean;
        }
        int end = Character.isHighSurrogate(clean.charAt(limit - 2)) ? limit - 2 : limit - 1;
        return clean.substring(0, end) + "…";
    }
}
