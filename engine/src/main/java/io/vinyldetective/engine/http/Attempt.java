package io.vinyldetective.engine.http;

import io.vinyldetective.api.HttpReply;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * The outcome of one try: an answer, or the reason none came.
 *
 * @param reply   the answer, or null
 * @param failure why no answer came (exception kinds only, no URI), or null
 */
record Attempt(HttpReply reply, String failure) {

    /** Whether this answer ends the call: any status but 429 and 5xx. */
    boolean isFinal() {
        return reply != null && reply.status() != 429 && reply.status() < 500;
    }

    /** Whether the server said "too many requests". */
    boolean isRateLimited() {
        return reply != null && reply.status() == 429;
    }

    /** The {@code Retry-After} of a 429 or 503, if it has a readable one. */
    Optional<Duration> retryAfter(Clock clock) {
        if (reply == null || (reply.status() != 429 && reply.status() != 503)) {
            return Optional.empty();
        }
        return RetryAfter.parse(reply.header("Retry-After").orElse(null), clock);
    }

    /** For the give-up message: the status or the failure kind. */
    String summary() {
        return reply != null ? "status " + reply.status() : failure;
    }
}
