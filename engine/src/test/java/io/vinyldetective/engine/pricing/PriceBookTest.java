package io.vinyldetective.engine.pricing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vinyldetective.api.Grade;
import io.vinyldetective.api.Money;
import io.vinyldetective.api.PluginContext;
import io.vinyldetective.api.PluginException;
import io.vinyldetective.api.PriceOracle;
import io.vinyldetective.api.PriceQuote;
import io.vinyldetective.api.Urgency;
import io.vinyldetective.engine.MutableClock;
import io.vinyldetective.engine.storage.Migrations;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

class PriceBookTest {

    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(NOW);
    private final FakeOracle oracle = new FakeOracle();
    private PriceBook book;

    @BeforeEach
    void database() throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.enforceForeignKeys(true);
        SQLiteDataSource dataSource = new SQLiteDataSource(config);
        dataSource.setUrl("jdbc:sqlite:" + dir.resolve("prices.db"));
        new Migrations().migrate(dataSource);
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            for (long id : new long[] {1, 2, 3}) {
                s.executeUpdate("INSERT INTO discogs_releases (id, title, artists, labels, source, updated_at)"
                        + " VALUES (" + id + ", 'Title', 'Artist', 'Label', 'dump', 0)");
            }
        }
        book = new PriceBook(dataSource, clock, Duration.ofDays(7));
    }

    @Test
    void asksTheOracleOncePerWeekAndKeepsEveryQuoteWithItsDetails() {
        oracle.answer = List.of(quote(1, "25.00", Grade.VERY_GOOD_PLUS, 7), quote(1, "12.50", null, 7));

        List<PriceQuote> first = book.quotes(1, "USD", Urgency.LIVE, oracle);
        clock.advance(Duration.ofDays(6));
        List<PriceQuote> again = book.quotes(1, "USD", Urgency.LIVE, oracle);

        assertEquals(1, oracle.calls.size());
        assertEquals(Urgency.LIVE, oracle.calls.get(0));
        assertEquals(first.size(), again.size());
        PriceQuote suggestion = again.stream().filter(q -> q.grade() != null).findFirst().orElseThrow();
        assertEquals(Money.of("25.00", "USD"), suggestion.price());
        assertEquals("discogs:test", suggestion.source());
        assertEquals(7, suggestion.forSale());
        assertEquals(NOW, suggestion.asOf());
        assertNull(again.stream().filter(q -> q.grade() == null).findFirst().orElseThrow().grade());

        clock.advance(Duration.ofDays(2));
        book.quotes(1, "USD", Urgency.LIVE, oracle);
        assertEquals(2, oracle.calls.size(), "older than a week: asked again");
    }

    @Test
    void anEmptyAnswerIsRememberedToo() {
        oracle.answer = List.of();
        assertEquals(List.of(), book.quotes(2, "USD", Urgency.LIVE, oracle));
        assertEquals(List.of(), book.quotes(2, "USD", Urgency.LIVE, oracle));
        assertEquals(1, oracle.calls.size());
    }

    @Test
    void eachCurrencyIsItsOwnQuestion() {
        oracle.answer = List.of(quote(1, "25.00", Grade.MINT, 1));
        book.quotes(1, "USD", Urgency.LIVE, oracle);
        oracle.answer = List.of(new PriceQuote(1, Money.of("23.00", "EUR"), Grade.MINT, "discogs:test", 1, NOW));
        assertEquals(Money.of("23.00", "EUR"), book.quotes(1, "EUR", Urgency.LIVE, oracle).get(0).price());
        assertEquals(2, oracle.calls.size());
    }

    @Test
    void staleQuotesBeatNoneWhenTheOracleIsUnavailable() {
        oracle.answer = List.of(quote(1, "25.00", Grade.MINT, 3));
        book.quotes(1, "USD", Urgency.LIVE, oracle);
        clock.advance(Duration.ofDays(8));
        oracle.unavailable = true;

        assertEquals(1, book.quotes(1, "USD", Urgency.LIVE, oracle).size());
        assertThrows(PluginException.RetryLater.class, () -> book.quotes(3, "USD", Urgency.LIVE, oracle));
    }

    @Test
    void theWeeklyRefreshTakesTheOldestFirstInTheBackground() {
        oracle.answer = List.of();
        book.quotes(2, "USD", Urgency.LIVE, oracle);
        clock.advance(Duration.ofHours(1));
        book.quotes(1, "USD", Urgency.LIVE, oracle);
        clock.advance(Duration.ofDays(8));
        oracle.calls.clear();

        assertEquals(List.of(new PriceBook.StaleQuote(2, "USD"), new PriceBook.StaleQuote(1, "USD")), book.stale(10));
        assertEquals(2, book.refreshStale(10, oracle));
        assertEquals(List.of(Urgency.BACKGROUND, Urgency.BACKGROUND), oracle.calls);
        assertEquals(List.of(), book.stale(10));
    }

    @Test
    void theRefreshJobSurvivesABrokenOracle() {
        oracle.answer = List.of();
        book.quotes(1, "USD", Urgency.LIVE, oracle);
        clock.advance(Duration.ofDays(8));
        PriceRefreshJob job = new PriceRefreshJob(book, Duration.ofHours(6), 10);

        assertEquals(0, job.runOnce(new FakeOracle() {
            @Override
            public List<PriceQuote> prices(long releaseId, String currency, Urgency urgency) {
                throw new IllegalStateException("bug");
            }
        }));
        assertEquals(1, job.runOnce(oracle));
    }

    private PriceQuote quote(long releaseId, String amount, Grade grade, int forSale) {
        return new PriceQuote(releaseId, Money.of(amount, "USD"), grade, "discogs:test", forSale, clock.instant());
    }

    private static class FakeOracle implements PriceOracle {
        List<PriceQuote> answer = List.of();
        boolean unavailable;
        final List<Urgency> calls = new ArrayList<>();

        @Override
        public void start(PluginContext context) {
        }

        @Override
        public List<PriceQuote> prices(long releaseId, String currency, Urgency urgency) {
            calls.add(urgency);
            if (unavailable) {
                throw new PluginException.RetryLater("down", Duration.ofMinutes(1));
            }
            return answer;
        }
    }
}
