package io.vinyldetective.api;

import java.time.Duration;

/**
 * The engine's HTTP facility. Plugins never open connections themselves, so timeouts, retries,
 * rate limits and caching are the same everywhere and tested once.
 *
 * <p>Connection failures, timeouts, 5xx and 429 answers are retried with exponential backoff and
 * jitter (429 honours {@code Retry-After}); when the attempts are spent,
 * {@link PluginException.RetryLater} is thrown, carrying the last answer when there was one
 * ({@link PluginException.RetryLater#lastReply()}, since 1.1.0). Any other status is returned as it is, so the
 * plugin decides what a 401, 403 or 404 means. Thread-safe. The gateway never logs headers,
 * query strings or bodies, so tokens stay out of the log.
 */
public interface HttpGateway {

    /**
     * Sends a request and waits for the answer.
     *
     * @throws PluginException.RetryLater when no usable answer came within the allowed attempts
     */
    HttpReply send(HttpCall call);

    /**
     * Limits requests to a host (e.g. {@code api.discogs.com}) to {@code requests} per {@code per};
     * requests beyond the limit wait, more urgent first. A later call replaces the limit.
     */
    void limitRate(String host, int requests, Duration per);
}
