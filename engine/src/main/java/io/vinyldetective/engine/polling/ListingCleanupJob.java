package io.vinyldetective.engine.polling;

import io.vinyldetective.engine.DaemonThreads;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The daily cleanup: forgets listings first seen longer ago than {@code vinyl-detective.poll.listing-retention}
 * (default 30 days), so the database does not grow for ever on a small SD card. Alerts keep their own
 * copy of the deal; saved searches, the catalog and prices are untouched.
 */
@Singleton
public class ListingCleanupJob implements AutoCloseable {

    static final Duration EVERY = Duration.ofDays(1);
    static final Duration FIRST_AFTER = Duration.ofMinutes(10);
    private static final Logger LOG = LoggerFactory.getLogger(ListingCleanupJob.class);

    private final SeenListings seen;
    private final PollSettings settings;
    private final Clock clock;
    private ScheduledExecutorService executor;

    public ListingCleanupJob(SeenListings seen, PollSettings settings, Clock clock) {
        this.seen = seen;
        this.settings = settings;
        this.clock = clock;
    }

    /** Runs the cleanup {@link #FIRST_AFTER} after start, then daily, on a thread of its own. */
    public synchronized void start() {
        if (executor != null) {
            return;
        }
        executor = DaemonThreads.scheduled("listing-cleanup");
        executor.scheduleWithFixedDelay(this::runOnce, FIRST_AFTER.toMillis(), EVERY.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** One cleanup; never throws, so the schedule goes on. Returns how many listings were forgotten. */
    public int runOnce() {
        try {
            int forgotten = seen.forgetBefore(clock.instant().minus(settings.listingRetention()));
            if (forgotten > 0) {
                LOG.info("Cleanup: forgot {} listings seen more than {} days ago", forgotten,
                        settings.listingRetention().toDays());
            }
            return forgotten;
        } catch (RuntimeException e) {
            LOG.warn("Listing cleanup failed: {}", e.getMessage());
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
