package io.vinyldetective.plugins.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vinyldetective.api.Alert;
import io.vinyldetective.api.Deal;
import io.vinyldetective.api.Delivery;
import io.vinyldetective.api.Grade;
import io.vinyldetective.api.Listing;
import io.vinyldetective.api.MatchResult;
import io.vinyldetective.api.MediaFormat;
import io.vinyldetective.api.Money;
import io.vinyldetective.api.PriceQuote;
import io.vinyldetective.api.Release;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConsoleNotifierTest {

    @Test
    void printsACardWithPricesMatchAndFlags() {
        Listing listing = new Listing("v1|1|0", "ebay", "Blue Train LP BLP 1577", Money.of("40.00", "USD"),
                Money.of("5.00", "USD"), "Pre-owned", "3000", MediaFormat.VINYL, null, Map.of(), null,
                List.of("FIXED_PRICE"), null, null, "https://example.invalid/item/1", Instant.EPOCH);
        Release release = new Release(1577, "Blue Train", List.of("John Coltrane"),
                List.of(new Release.LabelCatalogNumber("Blue Note", "BLP 1577")), List.of(), MediaFormat.VINYL,
                "Vinyl, LP, Album, Mono", "US", 1958, 9L);
        Deal deal = new Deal(listing, release, new MatchResult(List.of(1577L), "catalog_no", 0.97,
                List.of("catalog number BLP 1577")),
                new PriceQuote(1577, Money.of("100.00", "USD"), Grade.VERY_GOOD_PLUS, "discogs:price_suggestion", 3,
                        Instant.EPOCH),
                Money.of("45.00", "USD"), 0.55, Deal.Priority.HIGH, List.of("thin market: 3 for sale"));
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        ConsoleNotifier notifier = new ConsoleNotifier();
        notifier.printTo(new PrintStream(buffer, true, StandardCharsets.UTF_8));

        Delivery delivery = notifier.deliver(new Alert(7, "chat-42", deal));

        assertEquals(Delivery.Status.DELIVERED, delivery.status());
        String card = buffer.toString(StandardCharsets.UTF_8);
        assertTrue(card.contains("55% below"), card);
        assertTrue(card.contains("John Coltrane — Blue Train"), card);
        assertTrue(card.contains("Blue Note BLP 1577"), card);
        assertTrue(card.contains("40.00 USD + 5.00 USD shipping = 45.00 USD"), card);
        assertTrue(card.contains("Very Good Plus (VG+)"), card);
        assertTrue(card.contains("3 for sale"), card);
        assertTrue(card.contains("⚠ thin market"), card);
        assertTrue(card.contains("https://example.invalid/item/1"), card);
    }
}
