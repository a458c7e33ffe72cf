package io.vinyldetective.api;

import java.time.Duration;
import java.util.Objects;

/**
 * The outcome of one delivery attempt.
 *
 * @param status     what happened
 * @param retryAfter for {@link Status#RETRY_LATER}: the earliest sensible retry (null lets the engine back off)
 * @param detail     a short reason for the log; never contains a secret
 */
public record Delivery(Status status, Duration retryAfter, String detail) {

    public Delivery {
        Objects.requireNonNull(status, "status");
    }

    public static Delivery delivered() {
        return new Delivery(Status.DELIVERED, null, null);
    }

    public static Delivery retryLater(Duration after, String detail) {
        return new Delivery(Status.RETRY_LATER, after, detail);
    }

    /** The recipient is gone for good (e.g. blocked the bot): the engine stops alerting it. */
    public static Delivery gone(String detail) {
        return new Delivery(Status.GONE, null, detail);
    }

    public enum Status { DELIVERED, RETRY_LATER, GONE }
}
