package io.vinyldetective.api;

/**
 * Delivers deal alerts to subscribers. The engine's outbox calls {@link #deliver} until the
 * notifier reports the alert delivered or the recipient gone, so a notifier never queues or
 * retries by itself; it reports {@link Delivery#retryLater} instead. Thread-safe after {@code start}.
 */
public interface Notifier extends PipelineExtension {

    /** Sends one alert. Network trouble is a {@code RETRY_LATER} result, not an exception. */
    Delivery deliver(Alert alert);
}
