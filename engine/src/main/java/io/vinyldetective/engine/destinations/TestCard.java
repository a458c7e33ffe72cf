package io.vinyldetective.engine.destinations;

import io.vinyldetective.api.Deal;
import io.vinyldetective.api.Listing;
import io.vinyldetective.api.MatchResult;
import io.vinyldetective.api.MediaFormat;
import io.vinyldetective.api.Money;
import io.vinyldetective.api.PriceQuote;
import io.vinyldetective.api.Release;
import io.vinyldetective.engine.bot.ChatFeedback;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The deal {@code /notify test} sends: shaped like every card, saying plainly that it is a test. Its
 * listing id is new each time ({@link ChatFeedback#TEST_CARD_PREFIX} and the moment), so a second test
 * is a new alert, and {@code /status} does not count it.
 */
final class TestCard {

    private TestCard() {
    }

    static Deal deal(Instant now) {
        Listing listing = new Listing(ChatFeedback.TEST_CARD_PREFIX + now.toEpochMilli(), "vinyl-detective",
                "Test card: if you read this, deal alerts reach this place", Money.of("10.00", "USD"),
                Money.of("2.00", "USD"), null, null, MediaFormat.VINYL, null, Map.of(), null, List.of(), null, null, null, now);
        Release release = new Release(0, "Test card", List.of("Vinyl Detective"), List.of(), List.of(), MediaFormat.VINYL,
                null, null, null, null);
        return new Deal(listing, release, new MatchResult(List.of(0L), "test", 1.0, List.of("a test from /notify test")),
                new PriceQuote(0, Money.of("24.00", "USD"), null, "test", null, now), Money.of("12.00", "USD"), 0.5,
                Deal.Priority.NORMAL, List.of());
    }
}
