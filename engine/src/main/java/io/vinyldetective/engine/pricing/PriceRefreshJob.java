package io.vinyldetective.engine.pricing;

import io.micronaut.context.annotation.Value;
import io.vinyldetective.api.PriceOracle;
import io.vinyldetective.engine.DaemonThreads;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The price refresh: every {@code vinyl-detective.prices.refresh-every} (default 6 h) it re-prices
 * up to {@code refresh-batch} releases whose quotes are older than a week, oldest first, at
 * background urgency (so live deals and look-ups go first under the oracle's rate limit). Spread
 * over the day this way, every quote is refreshed once a week without a weekly burst.
 */
@Singleton
public class PriceRefreshJob implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PriceRefreshJob.class);

    private final PriceBook book;
    private final Duration every;
    private final int batch;
    private ScheduledExecutorService executor;

    public PriceRefreshJob(PriceBook book,
                           @Value("${vinyl-detective.prices.refresh-every:6h}") Duration every,
                           @Value("${vinyl-detective.prices.refresh-batch:500}") int batch) {
        this.book = book;
        this.every = every;
        this.batch = batch;
    }

    /** Starts refreshing in the background with this oracle; the first run comes after one period. */
    public synchronized void start(PriceOracle oracle) {
        if (executor != null) {
            return;
        }
        executor = DaemonThreads.scheduled("price-refresh");
        executor.scheduleWithFixedDelay(() -> runOnce(oracle), every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** One refresh pass; never throws, so the schedule goes on. */
    public int runOnce(PriceOracle oracle) {
        try {
            int refreshed = book.refreshStale(batch, oracle);
            if (refreshed > 0) {
                LOG.info("Price refresh: {} releases re-priced", refreshed);
            }
            return refreshed;
        } catch (RuntimeException e) {
            LOG.warn("Price refresh failed: {}", e.toString());
            return 0;
        }
    }

    @Override
    public synchronized void close() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }
}
