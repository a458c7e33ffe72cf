package io.vinyldetective.engine.http;

import java.time.Duration;
import java.util.Objects;
import java.util.function.DoubleSupplier;

/**
 * Exponential backoff with full jitter: before retry {@code n} (1-based) wait a uniformly random time
 * between zero and {@code min(max, base * 2^(n-1))}.
 */
final class Backoff {

    private final Duration base;
    private final Duration max;
    private final DoubleSupplier random;

    /**
     * @param random values in {@code [0, 1)}
     */
    Backoff(Duration base, Duration max, DoubleSupplier random) {
        this.base = Objects.requireNonNull(base, "base");
        this.max = Objects.requireNonNull(max, "max");
        this.random = Objects.requireNonNull(random, "random");
    }

    /** The wait before retry number {@code retry} (1 for the wait after the first attempt). */
    Duration delay(int retry) {
        return Duration.ofNanos((long) (ceiling(retry).toNanos() * random.getAsDouble()));
    }

    /** The upper bound of the wait before retry number {@code retry}. */
    Duration ceiling(int retry) {
        int shift = Math.min(Math.max(retry - 1, 0), 30);
        long nanos = base.toNanos();
        long scaled = nanos > (Long.MAX_VALUE >> shift) ? Long.MAX_VALUE : nanos << shift;
        return Duration.ofNanos(Math.min(scaled, max.toNanos()));
    }
}
