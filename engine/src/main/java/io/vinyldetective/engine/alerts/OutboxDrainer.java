package io.vinyldetective.engine.alerts;

import io.vinyldetective.api.Notifier;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Drains the {@link AlertOutbox} every {@link #PERIOD} on one thread of its own, for the daemon's lifetime. */
public final class OutboxDrainer implements AutoCloseable {

    static final Duration PERIOD = Duration.ofSeconds(1);
    private static final Logger LOG = LoggerFactory.getLogger(OutboxDrainer.class);

    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "alert-outbox");
        t.setDaemon(true);
        return t;
    });

    /** Starts draining through these notifiers (plugin id to guarded notifier). */
    public OutboxDrainer(AlertOutbox outbox, Map<String, Notifier> notifiers, Duration period) {
        Map<String, Notifier> copy = Map.copyOf(notifiers);
        thread.scheduleWithFixedDelay(() -> {
            try {
                outbox.drain(copy);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                LOG.error("Draining the alert outbox failed (retrying): {}", e.getMessage());
            }
        }, 0, period.toMillis(), TimeUnit.MILLISECONDS);
    }

    public OutboxDrainer(AlertOutbox outbox, Map<String, Notifier> notifiers) {
        this(outbox, notifiers, PERIOD);
    }

    /** Stops after the drain in progress, if any (its rows are marked; the rest wait for the next start). */
    @Override
    public void close() {
        thread.shutdown();
        try {
            if (!thread.awaitTermination(10, TimeUnit.SECONDS)) {
                thread.shutdownNow();
            }
        } catch (InterruptedException e) {
            thread.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
