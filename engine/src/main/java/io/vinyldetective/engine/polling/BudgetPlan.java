package io.vinyldetective.engine.polling;

import io.vinyldetective.api.Budget;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;

/**
 * How far polling must slow down to stay within a source's call budget until it resets.
 *
 * <p>Every query group would make {@code untilReset / interval} polls before the reset, each costing
 * {@code callsPerPoll} calls on average. When that is more than the calls left (less a reserve kept
 * for item look-ups and new searches), every interval is stretched by the same factor: fair to all,
 * and the budget is never exceeded. With nothing left but the reserve, polling waits for the reset.
 *
 * @param stretch      how many times longer than asked each interval is; 1 when the budget suffices
 * @param waitForReset true when no calls may be spent before the reset
 * @param budget       the budget the plan was made from, or null when the source has none
 */
public record BudgetPlan(double stretch, boolean waitForReset, Budget budget) {

    /** The plan when a source reports no budget: poll as asked. */
    public static final BudgetPlan UNLIMITED = new BudgetPlan(1, false, null);

    /**
     * @param budget       the source's budget now, or null when it has none
     * @param intervals    the interval of each query group that is polled
     * @param callsPerPoll average calls a poll costs (at least 1)
     * @param reserve      fraction of the limit kept back (e.g. 0.05)
     */
    public static BudgetPlan of(Budget budget, Collection<Duration> intervals, double callsPerPoll, double reserve,
                                Instant now) {
        if (budget == null) {
            return UNLIMITED;
        }
        double available = budget.remaining() - Math.ceil(budget.limit() * reserve);
        if (available < 1) {
            return new BudgetPlan(Double.POSITIVE_INFINITY, true, budget);
        }
        double untilReset = Math.max(1, Duration.between(now, budget.resetsAt()).toSeconds());
        double planned = 0;
        for (Duration interval : intervals) {
            planned += Math.ceil(untilReset / Math.max(1, interval.toSeconds())) * Math.max(1, callsPerPoll);
        }
        return new BudgetPlan(Math.max(1, planned / available), false, budget);
    }

    /** The interval to use for one that was asked for. */
    public Duration apply(Duration interval) {
        if (stretch <= 1 || Double.isInfinite(stretch)) {
            return interval;
        }
        return Duration.ofMillis((long) Math.ceil(interval.toMillis() * stretch));
    }

    public boolean slowed() {
        return stretch > 1.0001 && !waitForReset;
    }
}
