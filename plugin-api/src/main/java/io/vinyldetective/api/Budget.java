package io.vinyldetective.api;

import java.time.Instant;

/**
 * A source's API call budget, so the engine can pace its work.
 *
 * @param limit     calls allowed per period
 * @param remaining calls left in the current period
 * @param resetsAt  when the period ends
 */
public record Budget(long limit, long remaining, Instant resetsAt) {

    public boolean exhausted() {
        return remaining <= 0;
    }
}
