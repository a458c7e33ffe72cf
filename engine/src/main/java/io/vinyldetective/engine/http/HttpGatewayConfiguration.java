package io.vinyldetective.engine.http;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import io.micronaut.core.convert.format.ReadableBytes;
import io.vinyldetective.engine.EngineVersion;

import java.time.Duration;
import java.util.Objects;

/**
 * Settings of the {@link EngineHttpGateway}, under {@value #PREFIX}.
 *
 * @param connectTimeout how long to wait for a TCP/TLS connection ({@code connect-timeout}, default 10s)
 * @param requestTimeout how long to wait for a whole answer once sent ({@code request-timeout}, default 30s)
 * @param maxAttempts    ceiling on {@code HttpCall.maxAttempts()}; a call asking for more is cut to this
 *                       ({@code max-attempts}, default 10; the per-call default is the one of {@code HttpCall})
 * @param backoffBase    first retry delay before jitter; doubles per attempt ({@code backoff-base}, default 1s)
 * @param backoffMax     largest retry delay before jitter ({@code backoff-max}, default 60s)
 * @param retryAfterMax  longest {@code Retry-After} the gateway waits out itself; a longer one ends the call
 *                       with {@code RetryLater} carrying that duration ({@code retry-after-max}, default 60s)
 * @param cacheMaxBytes  total body bytes the response cache may hold ({@code cache-max-bytes}, default 8MB)
 * @param userAgent      {@code User-Agent} sent when the call sets none ({@code user-agent},
 *                       default {@code vinyl-detective/<version>})
 */
@ConfigurationProperties(HttpGatewayConfiguration.PREFIX)
public record HttpGatewayConfiguration(
        @Bindable(defaultValue = "10s") Duration connectTimeout,
        @Bindable(defaultValue = "30s") Duration requestTimeout,
        @Bindable(defaultValue = "10") int maxAttempts,
        @Bindable(defaultValue = "1s") Duration backoffBase,
        @Bindable(defaultValue = "60s") Duration backoffMax,
        @Bindable(defaultValue = "60s") Duration retryAfterMax,
        @Bindable(defaultValue = "8MB") @ReadableBytes long cacheMaxBytes,
        @Nullable String userAgent) {

    /** The configuration prefix. */
    public static final String PREFIX = "vinyl-detective.http";

    public HttpGatewayConfiguration {
        requirePositive(connectTimeout, "connect-timeout");
        requirePositive(requestTimeout, "request-timeout");
        requirePositive(backoffBase, "backoff-base");
        requirePositive(backoffMax, "backoff-max");
        requirePositive(retryAfterMax, "retry-after-max");
        if (maxAttempts < 1) {
            throw new IllegalArgumentException(PREFIX + ".max-attempts must be at least 1");
        }
        if (cacheMaxBytes < 0) {
            throw new IllegalArgumentException(PREFIX + ".cache-max-bytes must not be negative");
        }
        userAgent = userAgent == null || userAgent.isBlank() ? "vinyl-detective/" + EngineVersion.VERSION : userAgent;
    }

    /** The defaults, for use outside a Micronaut context. */
    public static HttpGatewayConfiguration defaults() {
        return new HttpGatewayConfiguration(Duration.ofSeconds(10), Duration.ofSeconds(30), 10,
                Duration.ofSeconds(1), Duration.ofSeconds(60), Duration.ofSeconds(60), 8L * 1024 * 1024, null);
    }

    /** A copy with other timeouts. */
    public HttpGatewayConfiguration withTimeouts(Duration connect, Duration request) {
        return new HttpGatewayConfiguration(connect, request, maxAttempts, backoffBase, backoffMax, retryAfterMax,
                cacheMaxBytes, userAgent);
    }

    private static void requirePositive(Duration d, String key) {
        Objects.requireNonNull(d, PREFIX + "." + key);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(PREFIX + "." + key + " must be positive");
        }
    }
}
