package io.vinyldetective.plugins.ebay;

import io.vinyldetective.api.Listing;
import io.vinyldetective.api.MediaFormat;
import io.vinyldetective.api.Money;
import io.vinyldetective.api.PluginException;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * eBay's {@code ItemSummary} (search) and {@code Item} (getItem) to {@link Listing}s. A summary that
 * lacks what a listing needs (id, title, a price) or holds unreadable values is a
 * {@link PluginException.BadItem}.
 */
final class ListingMapper {

    private static final String FIXED = "FIXED";

    private final String source;
    private final EbaySettings settings;

    ListingMapper(String source, EbaySettings settings) {
        this.source = source;
        this.settings = settings;
    }

    /**
     * One search result.
     *
     * @throws PluginException.BadItem when the summary is malformed
     */
    Listing fromSummary(Object element) {
        if (!(element instanceof Map)) {
            throw new PluginException.BadItem("item summary is not a JSON object");
        }
        Map<String, Object> item = Json.cast(element);
        String id = Json.text(item, "itemId");
        if (id == null) {
            throw new PluginException.BadItem("item summary without itemId");
        }
        try {
            String title = Json.text(item, "title");
            if (title == null) {
                throw new IllegalArgumentException("no title");
            }
            Money currentBid = Json.money(item, "currentBidPrice");
            Money price = Json.money(item, "price");
            if (price == null) {
                price = currentBid;
            }
            if (price == null) {
                throw new IllegalArgumentException("no price and no current bid");
            }
            return new Listing(id, source, title.strip(), price, shipping(item), Json.text(item, "condition"),
                    Json.text(item, "conditionId"), format(item), null, Map.of(), seller(item), buyingOptions(item),
                    currentBid, Json.text(Json.object(item, "image"), "imageUrl"), webUrl(item),
                    instant(Json.text(item, "itemCreationDate")), instant(Json.text(item, "itemEndDate")),
                    bidCount(item));
        } catch (IllegalArgumentException | DateTimeParseException | ArithmeticException e) {
            throw new PluginException.BadItem("item " + id + ": " + e.getMessage(), e);
        }
    }

    /** The listing with the barcode and item specifics of a getItem answer. */
    Listing withDetails(Listing listing, Details details) {
        Listing enriched = listing.withDetails(details.gtin(), details.aspects());
        if (enriched.format() == null && details.format() != null) {
            enriched = enriched.withFormat(details.format());
        }
        return enriched;
    }

    /** What getItem adds: the barcode (digits only, or null), item specifics by name, and the format. */
    record Details(String gtin, Map<String, String> aspects, MediaFormat format) {
    }

    /** Reads getItem's {@code Item}: {@code gtin}, {@code localizedAspects[]} and the category. */
    Details details(Map<String, Object> item) {
        Map<String, String> aspects = new LinkedHashMap<>();
        for (Object o : Json.list(item, "localizedAspects")) {
            if (o instanceof Map) {
                Map<String, Object> aspect = Json.cast(o);
                String name = Json.text(aspect, "name");
                String value = Json.text(aspect, "value");
                if (name != null && value != null) {
                    aspects.merge(name.strip(), value.strip(), (a, b) -> a + "; " + b);
                }
            }
        }
        String gtin = barcode(Json.text(item, "gtin"));
        for (String name : List.of("UPC", "EAN", "GTIN", "ISBN")) {
            if (gtin == null) {
                gtin = barcode(aspects.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                        .map(Map.Entry::getValue).findFirst().orElse(null));
            }
        }
        MediaFormat format = settings.formatOf(Json.text(item, "categoryId"));
        return new Details(gtin, aspects, format);
    }

    /** A UPC/EAN as digits (8 to 14), or null for "Does not apply" and the like. */
    static String barcode(String raw) {
        if (raw == null) {
            return null;
        }
        String digits = raw.replaceAll("[\\s-]", "");
        return digits.matches("\\d{8,14}") ? digits : null;
    }

    /** The cheapest fixed shipping cost; null when every option is calculated or none is given (unknown, not free). */
    private static Money shipping(Map<String, Object> item) {
        Money cheapest = null;
        for (Object o : Json.list(item, "shippingOptions")) {
            if (!(o instanceof Map)) {
                continue;
            }
            Map<String, Object> option = Json.cast(o);
            if (!FIXED.equals(Json.text(option, "shippingCostType"))) {
                continue;
            }
            Money cost = Json.money(option, "shippingCost");
            if (cost != null && (cheapest == null
                    || (cost.sameCurrency(cheapest) && cost.amount().compareTo(cheapest.amount()) < 0))) {
                cheapest = cost;
            }
        }
        return cheapest;
    }

    private MediaFormat format(Map<String, Object> item) {
        for (Object id : Json.list(item, "leafCategoryIds")) {
            MediaFormat f = settings.formatOf(String.valueOf(id));
            if (f != null) {
                return f;
            }
        }
        for (Object o : Json.list(item, "categories")) {
            if (o instanceof Map) {
                MediaFormat f = settings.formatOf(Json.text(Json.cast(o), "categoryId"));
                if (f != null) {
                    return f;
                }
            }
        }
        return null;
    }

    private static Listing.Seller seller(Map<String, Object> item) {
        Map<String, Object> seller = Json.object(item, "seller");
        if (seller == null) {
            return null;
        }
        String score = Json.text(seller, "feedbackScore");
        String percent = Json.text(seller, "feedbackPercentage");
        return new Listing.Seller(Json.text(seller, "username"), score == null ? null : Integer.valueOf(score),
                percent == null ? null : Double.valueOf(percent));
    }

    private static List<String> buyingOptions(Map<String, Object> item) {
        List<String> options = new ArrayList<>();
        for (Object o : Json.list(item, "buyingOptions")) {
            if (o instanceof String s && !s.isBlank()) {
                options.add(s);
            }
        }
        return options;
    }

    /** The affiliate URL when a campaign is configured and eBay returned one; the plain item URL otherwise. */
    private String webUrl(Map<String, Object> item) {
        String affiliate = Json.text(item, "itemAffiliateWebUrl");
        if (settings.affiliate() && affiliate != null) {
            return affiliate;
        }
        return Json.text(item, "itemWebUrl");
    }

    /** {@code bidCount} (an integer in the contract; tolerated as a string), or null when absent. */
    private static Integer bidCount(Map<String, Object> item) {
        String text = Json.text(item, "bidCount");
        return text == null ? null : Integer.valueOf(text.strip());
    }

    private static Instant instant(String text) {
        return text == null ? null : Instant.parse(text);
    }
}
