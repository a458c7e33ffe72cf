package io.vinyldetective.engine.http;

import io.vinyldetective.api.HttpCall;
import io.vinyldetective.api.HttpGateway;
import io.vinyldetective.api.HttpReply;
import io.vinyldetective.api.PluginException;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The engine's {@link HttpGateway}: response cache, then per-host rate limit, then the request, retried
 * with exponential backoff and full jitter on connection failures, timeouts and 5xx (a 503
 * {@code Retry-After} is waited out instead, up to {@code retry-after-max}). On a host with a rate
 * limit, a 429 delays the request without using up one of its attempts (up to {@code max-attempts}
 * of them): it waits the {@code Retry-After}, or without one a whole window of the host's limit,
 * holding the host meanwhile. On a host without a limit a 429 counts as a failed attempt like a
 * 5xx (it may be a quota that no wait within the call will lift). Other statuses are returned
 * as values, redirects included (they are not followed, so tokens never travel to another host). A call
 * the JDK client cannot express (a restricted header such as {@code Host}, a header value with a line
 * break, a non-HTTP URI) throws {@link IllegalArgumentException} naming the header, never its value.
 * Logs method, host and path only: never query strings, headers or bodies.
 *
 * <p>One instance serves the whole engine; {@link #forPlugin} gives a view that shares cache, limits and
 * connections but logs under the plugin's name.
 */
@Singleton
public class EngineHttpGateway implements HttpGateway {

    private static final String LOGGER_NAME = EngineHttpGateway.class.getName();

    private final Shared shared;
    private final Logger log;

    /** The engine's instance, on the JDK's HTTP client, sleeping for real. */
    @Inject
    public EngineHttpGateway(HttpGatewayConfiguration config) {
        this(config, new JdkHttpTransport(config), Sleeper.SYSTEM, Clock.systemUTC());
    }

    EngineHttpGateway(HttpGatewayConfiguration config, HttpTransport transport, Sleeper sleeper, Clock clock) {
        this(new Shared(config, transport, sleeper, clock,
                new Backoff(config.backoffBase(), config.backoffMax(), () -> ThreadLocalRandom.current().nextDouble()),
                new RateLimits(), new ResponseCache(config.cacheMaxBytes())), LoggerFactory.getLogger(LOGGER_NAME));
    }

    private EngineHttpGateway(Shared shared, Logger log) {
        this.shared = shared;
        this.log = log;
    }

    /**
     * A view for one plugin: same cache, limits and connections; its log lines go to the logger
     * {@code io.vinyldetective.engine.http.EngineHttpGateway.<pluginId>}.
     */
    public HttpGateway forPlugin(String pluginId) {
        Objects.requireNonNull(pluginId, "pluginId");
        return new EngineHttpGateway(shared, LoggerFactory.getLogger(LOGGER_NAME + "." + pluginId));
    }

    @Override
    public void limitRate(String host, int requests, Duration per) {
        shared.limits.limit(host, requests, per);
    }

    @Override
    public HttpReply send(HttpCall call) {
        Objects.requireNonNull(call, "call");
        Optional<HttpReply> cached = shared.cache.lookup(call);
        if (cached.isPresent()) {
            log.debug("{} -> {} from cache", call.describe(), cached.get().status());
            return cached.get();
        }
        HttpReply reply = sendWithRetries(call, Math.min(call.maxAttempts(), shared.config.maxAttempts()));
        shared.cache.store(call, reply);
        return reply;
    }

    /** How many requests to {@code host} wait for a rate-limit slot (for tests and diagnostics). */
    int waiting(String host) {
        return shared.limits.waiting(host);
    }

    private HttpReply sendWithRetries(HttpCall call, int attempts) {
        int failures = 0;
        int rateLimited = 0;
        for (int attempt = 1; ; attempt++) {
            Attempt outcome = attempt(call, attempt, attempts);
            if (outcome.isFinal()) {
                return outcome.reply();
            }
            Optional<Duration> retryAfter = outcome.retryAfter(shared.clock);
            if (retryAfter.isPresent() && retryAfter.get().compareTo(shared.config.retryAfterMax()) > 0) {
                throw giveUp(call, attempt, outcome, retryAfter.get());
            }
            if (outcome.isRateLimited() && shared.limits.window(call.uri().getHost()).isPresent()) {
                // On a host the engine paces, a 429 delays a request, it does not use up one of its
                // attempts; the ceiling still bounds them. Elsewhere (e.g. a daily quota) it is a failure.
                rateLimited++;
                if (rateLimited >= shared.config.maxAttempts()) {
                    throw giveUp(call, attempt, outcome, retryAfter.orElse(null));
                }
                waitOutRateLimit(call, attempt, outcome, retryAfter, rateLimited);
            } else {
                failures++;
                if (failures >= attempts) {
                    throw giveUp(call, attempt, outcome, retryAfter.orElse(null));
                }
                pause(call, retryAfter.isPresent() ? retryAfter.get() : shared.backoff.delay(failures));
            }
        }
    }

    /**
     * After a 429: waits its {@code Retry-After}, or else, on a limited host, a whole window of the
     * host's limit (the server's count has emptied by then), or else a backoff delay. On a limited host
     * the whole host is held, so other requests do not run into the same 429, and the held ones leave
     * afterwards most urgent first.
     */
    private void waitOutRateLimit(HttpCall call, int attempt, Attempt outcome, Optional<Duration> retryAfter,
                                  int rateLimited) {
        String host = call.uri().getHost();
        Optional<Duration> window = shared.limits.window(host);
        Duration wait = retryAfter.orElseGet(() -> window.orElseGet(() -> shared.backoff.delay(rateLimited)));
        if (wait.compareTo(shared.config.retryAfterMax()) > 0) {
            throw giveUp(call, attempt, outcome, wait);
        }
        if (window.isPresent()) {
            log.debug("{} -> 429: holding {} for {} ms", call.describe(), host, wait.toMillis());
            shared.limits.hold(host, wait);
        } else {
            pause(call, wait);
        }
    }

    private Attempt attempt(HttpCall call, int attempt, int attempts) {
        pauseForRateLimit(call);
        long start = System.nanoTime();
        try {
            HttpReply reply = shared.transport.send(call, shared.config.userAgent());
            log.debug("{} -> {} in {} ms (attempt {}/{})", call.describe(), reply.status(), millisSince(start),
                    attempt, attempts);
            return new Attempt(reply, null);
        } catch (IOException e) {
            log.debug("{} -> {} in {} ms (attempt {}/{})", call.describe(), e.getMessage(), millisSince(start),
                    attempt, attempts);
            return new Attempt(null, e.getMessage());
        } catch (InterruptedException e) {
            throw interrupted(call, e);
        }
    }

    private void pauseForRateLimit(HttpCall call) {
        try {
            shared.limits.acquire(call.uri().getHost(), call.urgency());
        } catch (InterruptedException e) {
            throw interrupted(call, e);
        }
    }

    private void pause(HttpCall call, Duration wait) {
        try {
            shared.sleeper.sleep(wait);
        } catch (InterruptedException e) {
            throw interrupted(call, e);
        }
    }

    private PluginException.RetryLater giveUp(HttpCall call, int attempts, Attempt last, Duration after) {
        String message = call.describe() + ": no usable answer after " + attempts
                + (attempts == 1 ? " attempt" : " attempts") + " (last: " + last.summary() + ")"
                + (after == null ? "" : ", retry after " + after.toSeconds() + " s");
        log.warn("{}", message);
        // The last answer goes with it, so the plugin can read the service's error body (e.g. a quota code).
        return new PluginException.RetryLater(message, after, null, last.reply());
    }

    private static PluginException.RetryLater interrupted(HttpCall call, InterruptedException e) {
        Thread.currentThread().interrupt();
        return new PluginException.RetryLater(call.describe() + ": interrupted", null, e);
    }

    private static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    /** What the gateway's views share. */
    private record Shared(HttpGatewayConfiguration config, HttpTransport transport, Sleeper sleeper, Clock clock,
                          Backoff backoff, RateLimits limits, ResponseCache cache) {
    }
}
