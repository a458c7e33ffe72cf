package io.vinyldetective.engine.polling;

import io.vinyldetective.api.Budget;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** What one poll of a query did: the numbers of its one log line. Filled by one thread. */
final class PollReport {

    int listings;
    int fresh;
    final Map<String, Integer> matchedBy = new TreeMap<>();
    int priced;
    int deals;
    int queued;
    int relists;
    int retried;
    int details;
    int waiting;
    int dealt;
    boolean catchUp;
    String failure;

    void matched(String method) {
        matchedBy.merge(method, 1, Integer::sum);
    }

    private int matched() {
        return matchedBy.values().stream().mapToInt(Integer::intValue).sum();
    }

    /**
     * The log line, e.g. {@code Poll #1,#4 "blue note" (Vinyl): 50 listings, 3 new, matched 2
     * (catalog_no 1, fuzzy 1), priced 2, deals 1, alerts queued 1; budget ebay 4987/5000, discogs 57/60}.
     */
    String line(String searches, QueryKey key, Map<String, Budget> budgets) {
        StringBuilder sb = new StringBuilder("Poll ").append(searches).append(' ').append(key.describe()).append(": ");
        if (failure != null) {
            sb.append("not done (").append(failure).append(')');
        } else {
            if (catchUp) {
                sb.append("catch-up on ").append(dealt).append(" listings from earlier polls, matched ").append(matched());
            } else {
                sb.append(listings).append(" listings, ").append(fresh).append(" new, matched ").append(matched());
            }
            if (!matchedBy.isEmpty()) {
                sb.append(matchedBy.entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                        .collect(Collectors.joining(", ", " (", ")")));
            }
            sb.append(", priced ").append(priced).append(", deals ").append(deals).append(", alerts queued ").append(queued);
            if (relists > 0) {
                sb.append(", relists skipped ").append(relists);
            }
            if (details > 0) {
                sb.append(", item look-ups ").append(details);
            }
            if (retried > 0) {
                sb.append(", ").append(retried).append(" to retry");
            }
            if (waiting > 0) {
                sb.append(", ").append(waiting).append(" waiting for the next turn");
            }
        }
        if (!budgets.isEmpty()) {
            sb.append(budgets.entrySet().stream().map(e -> e.getKey() + " " + e.getValue().remaining() + "/"
                    + e.getValue().limit()).collect(Collectors.joining(", ", "; budget ", "")));
        }
        return sb.toString();
    }
}
