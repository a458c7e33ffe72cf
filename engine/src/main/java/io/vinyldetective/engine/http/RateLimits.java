package io.vinyldetective.engine.http;

import io.vinyldetective.api.Urgency;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The per-host rate limits. A host without a limit is not limited. Thread-safe. */
final class RateLimits {

    private final Map<String, HostRateLimiter> byHost = new ConcurrentHashMap<>();

    /** Sets or replaces the limit of a host. */
    void limit(String host, int requests, Duration per) {
        byHost.compute(key(host), (h, existing) -> {
            if (existing == null) {
                return new HostRateLimiter(requests, per, System::nanoTime);
            }
            existing.setLimit(requests, per);
            return existing;
        });
    }

    /** Waits until a request to {@code host} may go out. */
    void acquire(String host, Urgency urgency) throws InterruptedException {
        HostRateLimiter limiter = host == null ? null : byHost.get(key(host));
        if (limiter != null) {
            limiter.acquire(urgency);
        }
    }

    /**
     * Holds a limited host for {@code duration}: no request to it leaves before then.
     *
     * @return the host's window when it is limited (and now held), empty when it is not limited
     */
    Optional<Duration> hold(String host, Duration duration) {
        HostRateLimiter limiter = host == null ? null : byHost.get(key(host));
        if (limiter == null) {
            return Optional.empty();
        }
        limiter.hold(duration);
        return Optional.of(limiter.window());
    }

    /** The window of a limited host's limit; empty when the host is not limited. */
    Optional<Duration> window(String host) {
        HostRateLimiter limiter = host == null ? null : byHost.get(key(host));
        return limiter == null ? Optional.empty() : Optional.of(limiter.window());
    }

    /** How many requests to {@code host} are waiting for a slot. */
    int waiting(String host) {
        HostRateLimiter limiter = byHost.get(key(host));
        return limiter == null ? 0 : limiter.waiting();
    }

    private static String key(String host) {
        return Objects.requireNonNull(host, "host").toLowerCase(Locale.ROOT);
    }
}
