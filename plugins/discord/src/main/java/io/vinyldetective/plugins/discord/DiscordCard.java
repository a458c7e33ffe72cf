package io.vinyldetective.plugins.discord;

import com.fasterxml.jackson.jr.ob.JSON;
import io.vinyldetective.api.AuctionText;
import io.vinyldetective.api.Deal;
import io.vinyldetective.api.DealText;
import io.vinyldetective.api.Listing;
import io.vinyldetective.api.Release;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

    /** The message as of {@code now} (an auction's time left counts from it). */
    static String json(Deal deal, String username, Instant now) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("username", username);
        message.put("content", cut((deal.priority() == Deal.Priority.HIGH ? "🔥 " : "") + Math.round(deal.discount() * 100)
                + " % below the reference: " + deal.release().artistLine() + " — " + deal.release().title(), 2000));
        message.put("embeds", List.of(embed(deal, now)));
        message.put("allowed_mentions", Map.of("parse", List.of()));
        try {
            return JSON.std.asString(message);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Object> embed(Deal deal, Instant now) {
        Listing listing = deal.listing();
        Release release = deal.release();
        Map<String, Object> embed = new LinkedHashMap<>();
        embed.put("title", cut(release.artistLine() + " — " + release.title(), 256));
        if (listing.webUrl() != null && listing.webUrl().matches("https?://\\S+")) {
            embed.put("url", listing.webUrl());
        }
        List<String> about = new ArrayList<>();
        String what = DealText.about(release);
        if (!what.isEmpty()) {
            about.add(what);
        }
        about.add("Listing: " + listing.title());
        embed.put("description", cut(String.join("\n", about), 2000));
        embed.put("color", deal.priority() == Deal.Priority.HIGH ? COLOR_HIGH : COLOR);
        List<Map<String, Object>> fields = new ArrayList<>();
        fields.add(field("Price", DealText.money(listing.price()), true));
        fields.add(field("Shipping", listing.shipping() == null ? "unknown" : DealText.money(listing.shipping()), true));
        fields.add(field("Landed", DealText.money(deal.landedCost()), true));
        AuctionText.of(listing, now).ifPresent(line -> fields.add(field("Auction",
                line.substring("Auction: ".length()), false)));
        fields.add(field("Reference", DealText.reference(deal.reference()), true));
        fields.add(field("Discount", Math.round(deal.discount() * 100) + " %", true));
        fields.add(field("Match", DealText.match(deal.match()), false));
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


    static String cut(String text, int limit) {
        return DealText.cut(text.replaceAll("[\\p{Cntrl}&&[^\n]]", " "), limit);
    }
}
