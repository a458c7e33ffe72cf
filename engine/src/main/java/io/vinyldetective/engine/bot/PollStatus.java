package io.vinyldetective.engine.bot;

import java.util.List;
import java.util.Optional;

/** What the poller tells {@code /status}: the API budgets and any slow-down (the last poll is in each search). */
public interface PollStatus {

    /** One line per API with a budget, e.g. {@code ebay: 4987 of 5000 calls left, resets 07:00 UTC}. */
    List<String> budgetLines();

    /** Present when the budget forces polling to slow down, in words for the user. */
    Optional<String> slowdown();
}
