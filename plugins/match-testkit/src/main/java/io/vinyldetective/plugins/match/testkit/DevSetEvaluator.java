package io.vinyldetective.plugins.match.testkit;

import io.vinyldetective.api.MatchResult;
import io.vinyldetective.api.MatcherTier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Runs matcher tiers in order over labelled cases (the first confident result wins, as in the engine)
 * and scores them. A prediction is correct when every release it names is acceptable
 * (strict: returning an extra, wrong pressing counts as a wrong match).
 */
public final class DevSetEvaluator {

    /** Counts for one case family, or for all. */
    public static final class Tally {
        int cases;
        int shouldMatch;
        int predicted;
        int correct;
        int wrong;

        public double precision() {
            return predicted == 0 ? 1.0 : (double) correct / predicted;
        }

        public double recall() {
            return shouldMatch == 0 ? Double.NaN : (double) correct / shouldMatch;
        }

        public int wrong() {
            return wrong;
        }
    }

    /** One case the chain got wrong: a false match or a miss. */
    public record Failure(DevSet.Case c, MatchResult result) {
        @Override
        public String toString() {
            return "[" + c.kind() + "] " + c.listing().title() + " | fmt=" + c.listing().format() + " gtin="
                    + c.listing().gtin() + (c.listing().aspects().isEmpty() ? "" : " " + c.listing().aspects())
                    + "\n    accept=" + c.accept() + " got="
                    + (result == null ? "-" : result.method() + " " + result.releaseIds() + " "
                    + String.format("%.2f", result.confidence()) + " " + result.reasons());
        }
    }

    /** The outcome: per kind, overall, failures, per-listing time and catalog calls. */
    public record Report(Map<String, Tally> byKind, Tally overall, Map<String, Integer> byMethod,
                         List<Failure> failures, long[] nanos, long[] tierNanos) {

        /** Median time per listing spent in the tiers themselves, catalog calls excluded. */
        public double medianTierMillis() {
            long[] sorted = tierNanos.clone();
            Arrays.sort(sorted);
            return sorted.length == 0 ? 0 : sorted[sorted.length / 2] / 1e6;
        }

        public double medianMillis() {
            long[] sorted = nanos.clone();
            Arrays.sort(sorted);
            return sorted.length == 0 ? 0 : sorted[sorted.length / 2] / 1e6;
        }

        public double p99Millis() {
            long[] sorted = nanos.clone();
            Arrays.sort(sorted);
            return sorted.length == 0 ? 0 : sorted[(int) (sorted.length * 0.99)] / 1e6;
        }

        public String table() {
            StringBuilder sb = new StringBuilder();
            sb.append(String.format("%-16s %6s %7s %8s %8s %6s %10s %8s%n", "kind", "cases", "should", "matched",
                    "correct", "wrong", "precision", "recall"));
            byKind.forEach((k, t) -> sb.append(row(k, t)));
            sb.append(row("ALL", overall));
            sb.append("by method: ").append(byMethod).append(String.format(
                    "%ntime per listing: median %.3f ms, p99 %.3f ms (catalog included); tiers alone: median %.3f ms%n",
                    medianMillis(), p99Millis(), medianTierMillis()));
            return sb.toString();
        }

        private static String row(String k, Tally t) {
            return String.format("%-16s %6d %7d %8d %8d %6d %10.4f %8s%n", k, t.cases, t.shouldMatch, t.predicted,
                    t.correct, t.wrong, t.precision(),
                    Double.isNaN(t.recall()) ? "-" : String.format("%.4f", t.recall()));
        }
    }

    private DevSetEvaluator() {
    }

    /** The first confident result of the tiers, in order; empty when none is confident. */
    public static Optional<MatchResult> chain(List<MatcherTier> tiers, io.vinyldetective.api.Listing listing) {
        for (MatcherTier tier : tiers) {
            Optional<MatchResult> r = tier.match(listing);
            if (r.isPresent() && r.get().confident()) {
                return r;
            }
        }
        return Optional.empty();
    }

    public static Report evaluate(List<MatcherTier> tiers, List<DevSet.Case> cases) {
        return evaluate(tiers, cases, () -> 0L);
    }

    /** As {@link #evaluate(List, List)}, also timing the tiers without the catalog's own time (a running total). */
    public static Report evaluate(List<MatcherTier> tiers, List<DevSet.Case> cases,
                                  java.util.function.LongSupplier catalogNanos) {
        return evaluate(listing -> chain(tiers, listing), cases, catalogNanos);
    }

    /**
     * Scores any matcher (e.g. the engine's tier chain over plugins loaded from their jars): the
     * function returns the accepted result for a listing, or empty for no match.
     */
    public static Report evaluate(java.util.function.Function<io.vinyldetective.api.Listing, Optional<MatchResult>> matcher,
                                  List<DevSet.Case> cases, java.util.function.LongSupplier catalogNanos) {
        Map<String, Tally> byKind = new TreeMap<>();
        Map<String, Integer> byMethod = new TreeMap<>();
        Tally all = new Tally();
        List<Failure> failures = new ArrayList<>();
        long[] nanos = new long[cases.size()];
        long[] tierNanos = new long[cases.size()];
        int n = 0;
        for (DevSet.Case c : cases) {
            long c0 = catalogNanos.getAsLong();
            long t0 = System.nanoTime();
            MatchResult r = matcher.apply(c.listing()).orElse(null);
            nanos[n] = System.nanoTime() - t0;
            tierNanos[n++] = nanos[n - 1] - (catalogNanos.getAsLong() - c0);
            boolean ok = r != null && c.accept().containsAll(r.releaseIds());
            for (Tally t : List.of(byKind.computeIfAbsent(c.kind(), k -> new Tally()), all)) {
                t.cases++;
                t.shouldMatch += c.accept().isEmpty() ? 0 : 1;
                t.predicted += r == null ? 0 : 1;
                t.correct += ok ? 1 : 0;
                t.wrong += r != null && !ok ? 1 : 0;
            }
            if (r != null) {
                byMethod.merge(r.method(), 1, Integer::sum);
            }
            if (!ok && (r != null || !c.accept().isEmpty())) {
                failures.add(new Failure(c, r));
            }
        }
        return new Report(byKind, all, byMethod, failures, nanos, tierNanos);
    }
}
