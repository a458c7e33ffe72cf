package io.vinyldetective.engine.alerts;

import io.vinyldetective.api.Notifier;
import io.vinyldetective.engine.DaemonThreads;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Drains the {@link AlertOutbox} every {@link #PERIOD} on one thread of its own, for the daemon's lifetime. */
public final class OutboxDrainer implements AutoCloseable {

    static final Duration PERIOD = Duration.ofSeconds(1);
    private static final Logger LOG = LoggerFactory.getLogger(OutboxDrainer.class);

    private final ScheduledExecutorService thread = DaemonThreads.scheduled("alert-outbox");

    /** Starts draining through these notifiers (plugin id to guarded notifier). */
    private final AlertOutbox outbox;
    private final Map<String, Notifier> notifiers;

    private final AtomicBoolean nudged = new AtomicBoolean();

    /** Starts draining through these notifiers, every {@code period} and as soon as an alert is queued. */
    public OutboxDrainer(AlertOutbox outbox, Map<String, Notifier> notifiers, Duration period) {
        this.outbox = outbox;
        this.notifiers = Map.copyOf(notifiers);
        thread.scheduleWithFixedDelay(this::drainOnce, 0, period.toMillis(), TimeUnit.MILLISECONDS);
        outbox.onQueued(this::nudge);
    }

    /** Drains soon on the drainer's thread; several nudges before it runs make one drain. */
    private void nudge() {
        if (nudged.compareAndSet(false, true)) {
            try {
                thread.execute(() -> {
                    nudged.set(false);
                    drainOnce();
                });
            } catch (RejectedExecutionException e) {
                nudged.set(false); // stopping: the last drain or the next start delivers it
            }
        }
    }

    private void drainOnce() {
        try {
            outbox.drain(notifiers);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.error("Draining the alert outbox failed (retrying): {}", e.getMessage());
        }
    }

    public OutboxDrainer(AlertOutbox outbox, Map<String, Notifier> notifiers) {
        this(outbox, notifiers, PERIOD);
    }

    /**
     * For shutdown: stops the schedule, lets the drain in progress finish, then delivers what is
     * still due until {@code within} has passed. What is left waits for the next start.
     */
    public void finish(Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        thread.shutdown();
        try {
            if (!thread.awaitTermination(within.toMillis(), TimeUnit.MILLISECONDS)) {
                thread.shutdownNow();
                return;
            }
            long left = deadline - System.nanoTime();
            if (left > 0) {
                outbox.drain(notifiers, java.time.Instant.now().plusNanos(left));
            }
        } catch (InterruptedException e) {
            thread.shutdownNow();
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.error("Last drain of the alert outbox failed (its alerts are sent at the next start): {}", e.getMessage());
        }
    }

    /** Stops after the drain in progress, if any (its rows are marked; the rest wait for the next start). */
    @Override
    public void close() {
        thread.shutdown();
        try {
            if (!thread.awaitTermination(5, TimeUnit.SECONDS)) {
                thread.shutdownNow();
            }
        } catch (InterruptedException e) {
            thread.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
