package io.vinyldetective.engine.bot;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** What the poller tells {@code /status}: when it last polled, the API budgets, and any slow-down. */
public interface PollStatus {

    /** The last poll of any search, if one ran since start. */
    Optional<Instant> lastPoll();

    /** One line per API with a budget, e.g. {@code ebay: 4987 of 5000 calls left, resets 07:00 UTC}. */
    List<String> budgetLines();

    /** Present when the budget forces polling to slow down, in words for the user. */
    Optional<String> slowdown();
}
