package io.vinyldetective.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One marketplace listing, as a {@link ListingSource} returns it.
 *
 * @param id           the marketplace's own id, unique within {@code source}
 * @param source       the id of the plugin that produced the listing, e.g. {@code ebay}
 * @param title        the listing title as the seller wrote it
 * @param price        the price (for an auction: the buy-it-now price or, failing that, the current bid)
 * @param shipping     the cheapest fixed shipping cost; {@code null} when unknown (never guessed as zero)
 * @param condition    the marketplace's condition text ({@code New}, {@code Pre-owned}, ...); may be null
 * @param conditionId  the marketplace's condition code; may be null
 * @param format       vinyl / CD / cassette, from the category or item specifics; null when unknown
 * @param gtin         the barcode the seller gave (UPC/EAN), digits only; null when none
 * @param aspects      item specifics (name to value), e.g. {@code Artist}, {@code Catalog Number}; never null
 * @param seller       who sells it; may be null
 * @param buyingOptions {@code FIXED_PRICE}, {@code AUCTION}, {@code BEST_OFFER}; never null
 * @param currentBid   the current bid for an auction, else null
 * @param imageUrl     the main photo, or null
 * @param webUrl       the URL to open (with affiliate tracking where configured)
 * @param createdAt    when the listing went live, or null
 * @param endsAt       when the listing is scheduled to end (an auction's last bid), or null when unknown
 * @param bidCount     how many bids an auction has, or null
 * @since 1.3.0 for {@code endsAt} and {@code bidCount}
 */
public record Listing(
        String id,
        String source,
        String title,
        Money price,
        Money shipping,
        String condition,
        String conditionId,
        MediaFormat format,
        String gtin,
        Map<String, String> aspects,
        Seller seller,
        List<String> buyingOptions,
        Money currentBid,
        String imageUrl,
        String webUrl,
        Instant createdAt,
        Instant endsAt,
        Integer bidCount) {

    /** A buy-now buying option. */
    public static final String FIXED_PRICE = "FIXED_PRICE";
    /** The auction buying option. */
    public static final String AUCTION = "AUCTION";

    public Listing {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        aspects = aspects == null ? Map.of() : Map.copyOf(aspects);
        buyingOptions = buyingOptions == null ? List.of() : List.copyOf(buyingOptions);
    }

    /** A listing without end date or bid count (the API 1.2 form). */
    public Listing(String id, String source, String title, Money price, Money shipping, String condition,
                   String conditionId, MediaFormat format, String gtin, Map<String, String> aspects, Seller seller,
                   List<String> buyingOptions, Money currentBid, String imageUrl, String webUrl, Instant createdAt) {
        this(id, source, title, price, shipping, condition, conditionId, format, gtin, aspects, seller, buyingOptions,
                currentBid, imageUrl, webUrl, createdAt, null, null);
    }

    /** A listing with only what matching needs: id, title, price, format, barcode and item specifics. */
    public static Listing forMatching(String id, String title, Money price, MediaFormat format, String gtin,
                                      Map<String, String> aspects) {
        return new Listing(id, null, title, price, null, null, null, format, gtin, aspects, null, List.of(),
                null, null, null, null);
    }

    /**
     * Whether it is an auction that cannot be bought now: bidding is the only way in, so the current bid
     * (not a buy-it-now price) is what it costs so far.
     *
     * @since 1.3.0
     */
    public boolean auctionOnly() {
        return buyingOptions.contains(AUCTION) && !buyingOptions.contains(FIXED_PRICE);
    }

    /**
     * The same listing as an auction priced at its current bid (or its price when the marketplace gave no
     * bid): what an alert for an auction ending soon is scored and shown with.
     *
     * @since 1.3.0
     */
    public Listing atCurrentBid() {
        return currentBid == null || currentBid.equals(price) ? this
                : new Listing(id, source, title, currentBid, shipping, condition, conditionId, format, gtin, aspects,
                        seller, buyingOptions, currentBid, imageUrl, webUrl, createdAt, endsAt, bidCount);
    }

    /** Price plus shipping, or null when shipping is unknown or in another currency. */
    public Money landedCost() {
        if (price == null || shipping == null || !price.sameCurrency(shipping)) {
            return null;
        }
        return price.plus(shipping);
    }

    /** The value of an item specific, matched without regard to case; null when absent. */
    public String aspect(String name) {
        for (Map.Entry<String, String> e : aspects.entrySet()) {
            if (e.getKey().equalsIgnoreCase(name)) {
                return e.getValue();
            }
        }
        return null;
    }

    /** A copy with item specifics and barcode from a detail call (see {@link ListingSource#details}). */
    public Listing withDetails(String newGtin, Map<String, String> newAspects) {
        return new Listing(id, source, title, price, shipping, condition, conditionId, format,
                newGtin != null ? newGtin : gtin, newAspects != null ? newAspects : aspects, seller, buyingOptions,
                currentBid, imageUrl, webUrl, createdAt, endsAt, bidCount);
    }

    /**
     * A copy with another format (e.g. from a detail call).
     *
     * @since 1.3.0
     */
    public Listing withFormat(MediaFormat newFormat) {
        return new Listing(id, source, title, price, shipping, condition, conditionId, newFormat, gtin, aspects, seller,
                buyingOptions, currentBid, imageUrl, webUrl, createdAt, endsAt, bidCount);
    }

    /** The seller of a listing. {@code feedbackScore} and {@code feedbackPercent} may be null. */
    public record Seller(String username, Integer feedbackScore, Double feedbackPercent) {
    }
}
