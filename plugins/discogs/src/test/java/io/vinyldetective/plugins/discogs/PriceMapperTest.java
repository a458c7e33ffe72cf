package io.vinyldetective.plugins.discogs;

import static io.vinyldetective.plugins.discogs.FakeDiscogs.recorded;
import static io.vinyldetective.plugins.discogs.FakeDiscogs.testcase;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vinyldetective.api.Grade;
import io.vinyldetective.api.Money;
import io.vinyldetective.api.PriceQuote;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PriceMapperTest {

    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
    private final List<String> skipped = new ArrayList<>();

    @Test
    void recordedSuggestionsGiveOneQuotePerGradeBestFirstInCents() {
        List<PriceQuote> quotes = PriceMapper.suggestions(1, JsonDoc.parse(recorded(
                "discogs_official_docs_price_suggestions_release_1.json")), "USD", 26, NOW, skipped::add);

        assertEquals(List.of(Grade.values()), quotes.stream().map(PriceQuote::grade).toList());
        assertEquals(Money.of("14.32", "USD"), quotes.get(0).price());
        assertEquals(Money.of("9.80", "USD"), quotes.get(2).price());
        assertEquals(Money.of("0.75", "USD"), quotes.get(7).price());
        assertTrue(quotes.stream().allMatch(q -> q.forSale() == 26 && q.source().equals("discogs:price_suggestion")
                && q.releaseId() == 1 && q.asOf().equals(NOW)));
        assertEquals(List.of(), skipped);
    }

    @Test
    void suggestionsInAnotherCurrencyAreNotConverted() {
        List<PriceQuote> quotes = PriceMapper.suggestions(1, JsonDoc.parse(recorded(
                "discogs_price_suggestions_go-discogs.json")), "USD", null, NOW, skipped::add);

        assertEquals(List.of(), quotes);
        assertEquals(8, skipped.size());
        assertTrue(skipped.get(0).contains("EUR"), skipped.get(0));
    }

    @Test
    void oddEntriesAreSkippedOneByOne() {
        List<PriceQuote> quotes = PriceMapper.suggestions(1, JsonDoc.parse(testcase("price_suggestions_odd_keys.json")),
                "USD", null, NOW, skipped::add);

        assertEquals(1, quotes.size());
        assertEquals(Grade.VERY_GOOD_PLUS, quotes.get(0).grade());
        assertNull(quotes.get(0).forSale());
        assertEquals(4, skipped.size(), skipped::toString);
        assertTrue(skipped.stream().anyMatch(s -> s.contains("unknown condition 'Generic Sleeve'")), skipped::toString);
    }

    @Test
    void noSuggestionsIsAnEmptyObject() {
        assertEquals(List.of(), PriceMapper.suggestions(1, JsonDoc.parse("{}".getBytes()), "USD", 3, NOW, skipped::add));
    }

    @Test
    void recordedStatsGiveTheLowestListedPriceAndTheCount() {
        PriceMapper.Stats stats = PriceMapper.stats(JsonDoc.parse(recorded("discogs_marketplace_stats_go-discogs.json")),
                "USD", skipped::add);

        assertEquals(new PriceMapper.Stats(Money.of("18.07", "USD"), 4), stats);
        assertEquals(List.of(new PriceQuote(7, Money.of("18.07", "USD"), null, "discogs:lowest_listed", 4, NOW)),
                PriceMapper.lowestListed(7, stats, NOW));
    }

    @Test
    void nullStatsMeanNothingForSaleUnlessBlocked() {
        PriceMapper.Stats none = PriceMapper.stats(JsonDoc.parse(testcase("marketplace_stats_none_for_sale.json")),
                "USD", skipped::add);
        PriceMapper.Stats blocked = PriceMapper.stats(JsonDoc.parse(
                "{\"lowest_price\": null, \"num_for_sale\": null, \"blocked_from_sale\": true}".getBytes()), "USD", skipped::add);

        assertEquals(new PriceMapper.Stats(null, 0), none);
        assertEquals(PriceMapper.Stats.UNKNOWN, blocked);
        assertEquals(List.of(), PriceMapper.lowestListed(7, none, NOW));
    }
}
