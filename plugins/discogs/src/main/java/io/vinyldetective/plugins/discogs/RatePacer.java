package io.vinyldetective.plugins.discogs;

import io.vinyldetective.api.Budget;
import io.vinyldetective.api.HttpGateway;
import io.vinyldetective.api.HttpReply;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * Keeps the engine gateway's limit for the Discogs host in step with what Discogs reports.
 *
 * <p>The gateway limits the host to {@code requests-per-minute} (below Discogs' 60, for a margin).
 * Discogs counts per source IP, so other programs on the same address use the same allowance: each
 * answer's {@code X-Discogs-Ratelimit-Remaining}, less the answers this plugin had in the window,
 * tells how much others use. The pacer lowers the limit to {@code limit - others - reserve} (the
 * reserve is 5 % of Discogs' limit, at least one) when that is smaller, so requests slow down before
 * Discogs says 429; when others stop, the configured limit comes back. Before the first answer it
 * knows nothing: should another program already use most of the allowance, that first burst may
 * meet a 429, which the gateway turns into a delay. Thread-safe.
 */
final class RatePacer {

    /**
     * The gateway's window is this much longer than Discogs': the gateway counts requests as they
     * leave, Discogs as they arrive, and a request slowed on its way could otherwise meet the next
     * window's first ones (3 s a minute).
     */
    static final double WINDOW_PADDING = 0.05;

    /** How much of Discogs' limit is kept back from what it says remains: 3 of 60. */
    static final double RESERVE_SHARE = 0.05;

    private final HttpGateway http;
    private final String host;
    private final int configured;
    private final Duration window;
    private final Duration gatewayWindow;
    private final Clock clock;
    private final LongSupplier nanoTime;
    private final System.Logger log;
    private final ArrayDeque<Long> answered = new ArrayDeque<>();
    private final ArrayDeque<long[]> othersSeen = new ArrayDeque<>();
    private int current;
    private Budget budget;

    RatePacer(HttpGateway http, String host, int configured, Duration window, Clock clock, LongSupplier nanoTime,
              System.Logger log) {
        this.http = http;
        this.host = host;
        this.configured = configured;
        this.window = window;
        this.gatewayWindow = Duration.ofNanos(Math.round(window.toNanos() * (1 + WINDOW_PADDING)));
        this.clock = clock;
        this.nanoTime = nanoTime;
        this.log = log;
    }

    /** Sets the configured limit on the gateway. */
    synchronized void start() {
        current = configured;
        http.limitRate(host, configured, gatewayWindow);
    }

    /** Takes note of an answer that came from Discogs (not from the cache) and of its rate-limit headers. */
    synchronized void observe(HttpReply reply) {
        if (reply.fromCache()) {
            return;
        }
        long now = nanoTime.getAsLong();
        answered.addLast(now);
        while (!answered.isEmpty() && now - answered.peekFirst() >= window.toNanos()) {
            answered.pollFirst();
        }
        Optional<Long> remaining = header(reply, "X-Discogs-Ratelimit-Remaining");
        if (remaining.isEmpty()) {
            return;
        }
        long limit = header(reply, "X-Discogs-Ratelimit").filter(l -> l > 0).orElse((long) DiscogsPriceOracle.DISCOGS_LIMIT);
        budget = new Budget(limit, Math.max(0, remaining.get()), clock.instant().plus(window));
        // What others use: Discogs' count less ours. Answers can overtake each other, so one estimate
        // may be off; the largest of the window is the safe one.
        long others = Math.max(0, limit - remaining.get() - answered.size());
        othersSeen.addLast(new long[] {now, others});
        while (!othersSeen.isEmpty() && now - othersSeen.peekFirst()[0] >= window.toNanos()) {
            othersSeen.pollFirst();
        }
        long mostOthers = othersSeen.stream().mapToLong(e -> e[1]).max().orElse(others);
        long reserve = Math.max(1, Math.round(limit * RESERVE_SHARE));
        int next = (int) Math.max(1, Math.min(configured, limit - mostOthers - reserve));
        if (next != current) {
            log.log(next < current ? System.Logger.Level.INFO : System.Logger.Level.DEBUG,
                    "Discogs rate limit: {0} remaining, about {1} used by others, pacing at {2} requests per {3} ms"
                            + " (configured {4})", remaining.get(), mostOthers, next, window.toMillis(), configured);
            current = next;
            http.limitRate(host, next, gatewayWindow);
        }
    }

    /** The limit now in force on the gateway. */
    synchronized int currentLimit() {
        return current;
    }

    /** What the last answer said about the allowance, if any answer said so. */
    synchronized Optional<Budget> budget() {
        return Optional.ofNullable(budget);
    }

    private static Optional<Long> header(HttpReply reply, String name) {
        Optional<String> value = reply.header(name);
        if (value.isEmpty() || !value.get().strip().matches("-?\\d{1,9}")) {
            return Optional.empty();
        }
        return Optional.of(Long.parseLong(value.get().strip()));
    }
}
