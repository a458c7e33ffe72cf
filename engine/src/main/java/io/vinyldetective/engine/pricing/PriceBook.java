package io.vinyldetective.engine.pricing;

import io.micronaut.context.annotation.Value;
import io.vinyldetective.api.Grade;
import io.vinyldetective.api.Money;
import io.vinyldetective.api.PluginException;
import io.vinyldetective.api.PriceOracle;
import io.vinyldetective.api.PriceQuote;
import io.vinyldetective.api.Urgency;
import io.vinyldetective.engine.storage.EngineDatabase;
import io.vinyldetective.engine.storage.StorageException;
import io.vinyldetective.engine.storage.Transactions;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reference prices, kept in the database with their currency, source, grade, copies for sale and
 * timestamp. A release is asked about at most once per {@code max-age} (default a week) per
 * currency: within that, stored quotes answer, and an empty answer is remembered too. Older ones
 * are refreshed lazily on the next request, or by {@link PriceRefreshJob} through {@link #refreshStale}.
 * When the oracle cannot answer for now, stale quotes are better than none and are returned.
 */
@Singleton
public class PriceBook {

    private static final Logger LOG = LoggerFactory.getLogger(PriceBook.class);
    private static final String ANY_GRADE = "ANY";

    private final DataSource dataSource;
    private final Clock clock;
    private final Duration maxAge;

    public PriceBook(EngineDatabase database, Clock clock,
                     @Value("${vinyl-detective.prices.max-age:7d}") Duration maxAge) {
        this(database.dataSource(), clock, maxAge);
    }

    PriceBook(DataSource dataSource, Clock clock, Duration maxAge) {
        this.dataSource = dataSource;
        this.clock = clock;
        this.maxAge = maxAge;
    }

    /**
     * The quotes for a release in a currency: from the database when checked within
     * {@code max-age}, else from the oracle (and stored).
     *
     * @throws PluginException.RetryLater when the oracle cannot answer and nothing is stored
     */
    public List<PriceQuote> quotes(long releaseId, String currency, Urgency urgency, PriceOracle oracle) {
        Optional<Instant> checked = lastChecked(releaseId, currency);
        if (checked.isPresent() && checked.get().isAfter(clock.instant().minus(maxAge))) {
            return stored(releaseId, currency);
        }
        try {
            return ask(releaseId, currency, urgency, oracle);
        } catch (PluginException.RetryLater e) {
            List<PriceQuote> stale = stored(releaseId, currency);
            if (stale.isEmpty()) {
                throw e;
            }
            LOG.debug("Prices of release {} in {}: oracle unavailable ({}), using quotes from {}", releaseId, currency,
                    e.getMessage(), checked.orElse(null));
            return stale;
        }
    }

    /**
     * Re-asks the oracle about up to {@code limit} releases whose quotes (in any currency) are older
     * than {@code max-age}, oldest first, at background urgency. Returns how many were refreshed;
     * stops early (keeping what it did) when the oracle asks to retry later.
     */
    public int refreshStale(int limit, PriceOracle oracle) {
        int refreshed = 0;
        for (StaleQuote stale : stale(limit)) {
            try {
                ask(stale.releaseId(), stale.currency(), Urgency.BACKGROUND, oracle);
                refreshed++;
            } catch (PluginException.RetryLater e) {
                LOG.info("Price refresh paused after {} releases: {}", refreshed, e.getMessage());
                break;
            } catch (PluginException.BadItem e) {
                LOG.warn("Price refresh skipped release {}: {}", stale.releaseId(), e.getMessage());
            }
        }
        return refreshed;
    }

    /** Releases and currencies whose quotes were checked longer ago than {@code max-age}, oldest first. */
    public List<StaleQuote> stale(int limit) {
        List<StaleQuote> result = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT release_id, currency FROM price_checks"
                     + " WHERE checked_at < ? ORDER BY checked_at LIMIT ?")) {
            s.setLong(1, clock.instant().minus(maxAge).toEpochMilli());
            s.setInt(2, limit);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    result.add(new StaleQuote(rs.getLong(1), rs.getString(2)));
                }
            }
        } catch (SQLException e) {
            throw new StorageException("Cannot list stale prices: " + e.getMessage(), e);
        }
        return result;
    }

    /** A release whose quotes in a currency are due for a refresh. */
    public record StaleQuote(long releaseId, String currency) {
    }

    private List<PriceQuote> ask(long releaseId, String currency, Urgency urgency, PriceOracle oracle) {
        List<PriceQuote> fresh = oracle.prices(releaseId, currency, urgency).stream()
                .filter(q -> q.releaseId() == releaseId && q.price().currency().equals(currency))
                .toList();
        store(releaseId, currency, fresh);
        return fresh;
    }

    private Optional<Instant> lastChecked(long releaseId, String currency) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement(
                     "SELECT checked_at FROM price_checks WHERE release_id = ? AND currency = ?")) {
            s.setLong(1, releaseId);
            s.setString(2, currency);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(Instant.ofEpochMilli(rs.getLong(1))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StorageException("Cannot read price checks: " + e.getMessage(), e);
        }
    }

    private List<PriceQuote> stored(long releaseId, String currency) {
        List<PriceQuote> quotes = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT source, grade, amount, for_sale, fetched_at FROM price_quotes"
                     + " WHERE release_id = ? AND currency = ? ORDER BY source, grade")) {
            s.setLong(1, releaseId);
            s.setString(2, currency);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    String grade = rs.getString(2);
                    int forSale = rs.getInt(4);
                    quotes.add(new PriceQuote(releaseId, new Money(cents(rs.getBigDecimal(3)), currency),
                            ANY_GRADE.equals(grade) ? null : Grade.valueOf(grade), rs.getString(1),
                            rs.wasNull() ? null : forSale, Instant.ofEpochMilli(rs.getLong(5))));
                }
            }
        } catch (SQLException e) {
            throw new StorageException("Cannot read prices: " + e.getMessage(), e);
        }
        return quotes;
    }

    /** SQLite keeps 25.00 as 25: give amounts back with (at least) two decimals, as they came. */
    private static BigDecimal cents(BigDecimal amount) {
        return amount.scale() < 2 ? amount.setScale(2) : amount;
    }

    private void store(long releaseId, String currency, List<PriceQuote> quotes) {
        try {
            Transactions.inTransaction(dataSource, c -> {
                try (PreparedStatement delete = c.prepareStatement(
                        "DELETE FROM price_quotes WHERE release_id = ? AND currency = ?")) {
                    delete.setLong(1, releaseId);
                    delete.setString(2, currency);
                    delete.executeUpdate();
                }
                try (PreparedStatement insert = c.prepareStatement("INSERT INTO price_quotes"
                        + " (release_id, source, grade, amount, currency, for_sale, fetched_at) VALUES (?, ?, ?, ?, ?, ?, ?)"
                        + " ON CONFLICT (release_id, source, grade, currency) DO UPDATE SET amount = excluded.amount,"
                        + " for_sale = excluded.for_sale, fetched_at = excluded.fetched_at")) {
                    for (PriceQuote q : quotes) {
                        insert.setLong(1, releaseId);
                        insert.setString(2, q.source());
                        insert.setString(3, q.grade() == null ? ANY_GRADE : q.grade().name());
                        insert.setBigDecimal(4, q.price().amount());
                        insert.setString(5, currency);
                        if (q.forSale() == null) {
                            insert.setNull(6, Types.INTEGER);
                        } else {
                            insert.setInt(6, q.forSale());
                        }
                        insert.setLong(7, q.asOf().toEpochMilli());
                        insert.addBatch();
                    }
                    insert.executeBatch();
                }
                try (PreparedStatement check = c.prepareStatement("INSERT INTO price_checks (release_id, currency, checked_at)"
                        + " VALUES (?, ?, ?) ON CONFLICT (release_id, currency) DO UPDATE SET checked_at = excluded.checked_at")) {
                    check.setLong(1, releaseId);
                    check.setString(2, currency);
                    check.setLong(3, clock.millis());
                    check.executeUpdate();
                }
                return null;
            });
        } catch (SQLException e) {
            throw new StorageException("Cannot store prices of release " + releaseId + ": " + e.getMessage(), e);
        }
    }
}
