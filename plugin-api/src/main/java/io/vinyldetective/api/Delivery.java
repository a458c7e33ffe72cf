package io.vinyldetective.api;

import java.time.Duration;
import java.util.Objects;

/**
 * The outcome of one delivery attempt.
 *
 * @param status        what happened
 * @param retryAfter    for {@link Status#RETRY_LATER}: the earliest sensible retry (null lets the engine back off)
 * @param detail        a short reason for the log; never contains a secret
 * @param recipientOnly for {@link Status#RETRY_LATER} with a {@code retryAfter}: whether the wait concerns this
 *                      recipient only (a limit per webhook) rather than the whole notifier (a limit per bot or
 *                      per sending address, the default); since 1.3.0
 */
public record Delivery(Status status, Duration retryAfter, String detail, boolean recipientOnly) {

    public Delivery {
        Objects.requireNonNull(status, "status");
    }

    /** An outcome whose wait, if any, holds the whole notifier (the form before 1.3.0). */
    public Delivery(Status status, Duration retryAfter, String detail) {
        this(status, retryAfter, detail, false);
    }

    public static Delivery delivered() {
        return new Delivery(Status.DELIVERED, null, null);
    }

    /**
     * Try again later. With {@code after}, the engine holds every alert of this notifier until then
     * (a rate limit of the bot or the account); without, it backs off for this alert alone.
     */
    public static Delivery retryLater(Duration after, String detail) {
        return new Delivery(Status.RETRY_LATER, after, detail);
    }

    /**
     * Try again later, and hold only the alerts to this recipient until {@code after} (a rate limit
     * the service keeps per recipient, e.g. per Discord webhook); the notifier's other recipients go on.
     *
     * @since 1.3.0
     */
    public static Delivery retryRecipientLater(Duration after, String detail) {
        return new Delivery(Status.RETRY_LATER, after, detail, true);
    }

    /**
     * The recipient is gone for good (blocked the bot, a deleted webhook, an unknown mailbox): the
     * engine stops alerting it. For the chat itself that pauses the chat's searches; for an address
     * the chat added, only that address is disabled and the chat is told.
     */
    public static Delivery gone(String detail) {
        return new Delivery(Status.GONE, null, detail);
    }

    public enum Status { DELIVERED, RETRY_LATER, GONE }
}
