package io.vinyldetective.engine.bot;

import io.vinyldetective.engine.storage.SavedSearch;

/** Asks the poller to poll a search now rather than at its next turn (a search just saved). */
@FunctionalInterface
public interface SearchTrigger {

    /** Schedules a poll of {@code search} as soon as possible; returns at once. */
    void pollSoon(SavedSearch search);

    /** Says that watches were paused, resumed or changed: their batches are planned again. */
    default void watchesChanged() {
    }
}
