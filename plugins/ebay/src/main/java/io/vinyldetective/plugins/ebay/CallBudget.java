package io.vinyldetective.plugins.ebay;

import io.vinyldetective.api.Budget;
import io.vinyldetective.api.PluginException;
import io.vinyldetective.api.PluginStore;

import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The Browse API call budget: calls counted per eBay day in the plugin store (so restarts keep the
 * count), and the stop after eBay's own quota error until the day ends. eBay's day ends at midnight
 * US Pacific time.
 */
final class CallBudget {

    /** eBay resets application call limits at midnight in this zone. */
    static final ZoneId EBAY_TIME = ZoneId.of("America/Los_Angeles");

    private static final String CALLS = "calls.";
    private static final String TOKEN_CALLS = "token-calls.";
    private static final String QUOTA_SPENT_DAY = "quota-spent-day";

    private final PluginStore store;
    private final Clock clock;
    private final long limit;
    private final System.Logger log;
    /** The eBay day for which the stop was already logged, so it is said once. */
    private final AtomicReference<LocalDate> announced = new AtomicReference<>();

    CallBudget(PluginStore store, Clock clock, long limit, System.Logger log) {
        this.store = store;
        this.clock = clock;
        this.limit = limit;
        this.log = log;
    }

    /** The current eBay day. */
    LocalDate day() {
        return LocalDate.ofInstant(clock.instant(), EBAY_TIME);
    }

    /** When the current eBay day ends. */
    Instant resetsAt() {
        return day().plusDays(1).atStartOfDay(EBAY_TIME).toInstant();
    }

    /** Browse calls counted today. */
    long used() {
        return store.counter(CALLS + day());
    }

    Budget budget() {
        long remaining = quotaSpentToday() ? 0 : Math.max(0, limit - used());
        return new Budget(limit, remaining, resetsAt());
    }

    /**
     * Throws when no call may be made now: eBay said the quota is spent, or today's count reached the
     * limit. The first refusal of a day is logged; the rest are quiet.
     *
     * @throws PluginException.RetryLater until the end of the eBay day
     */
    void checkAvailable() {
        if (quotaSpentToday()) {
            throw stopped("eBay's daily call quota is spent");
        }
        if (used() >= limit) {
            throw stopped("the daily call limit of " + limit + " (daily-call-limit) is reached");
        }
    }

    /** Counts {@code calls} Browse API calls against today. */
    void count(long calls) {
        if (calls <= 0) {
            return;
        }
        LocalDate today = day();
        if (store.increment(CALLS + today, calls) == calls) {
            store.remove(CALLS + today.minusDays(2)); // the first call of a day drops the day before yesterday
            store.remove(TOKEN_CALLS + today.minusDays(2));
        }
    }

    /** Counts a call to the OAuth token endpoint (its own quota; kept apart from the Browse budget). */
    void countTokenCall() {
        store.increment(TOKEN_CALLS + day(), 1);
    }

    long tokenCallsToday() {
        return store.counter(TOKEN_CALLS + day());
    }

    /**
     * Records eBay's quota error: no call until the day ends.
     *
     * @return the exception to throw
     */
    PluginException.RetryLater quotaSpent() {
        store.putText(QUOTA_SPENT_DAY, day().toString());
        return stopped("eBay's daily call quota is spent (errorId " + EbayErrors.QUOTA_EXCEEDED + ")");
    }

    private boolean quotaSpentToday() {
        Optional<String> spent = store.text(QUOTA_SPENT_DAY);
        if (spent.isEmpty()) {
            return false;
        }
        if (spent.get().equals(day().toString())) {
            return true;
        }
        store.remove(QUOTA_SPENT_DAY);
        log.log(Level.INFO, "eBay day {0} began: the call quota is renewed, searching resumes", day());
        return false;
    }

    private PluginException.RetryLater stopped(String why) {
        Instant reset = resetsAt();
        Duration wait = Duration.between(clock.instant(), reset);
        LocalDate today = day();
        String message = why + "; eBay calls stop until " + reset + " (midnight US Pacific)";
        if (!today.equals(announced.getAndSet(today))) {
            log.log(Level.WARNING, message);
        }
        return new PluginException.RetryLater(message, wait);
    }
}
