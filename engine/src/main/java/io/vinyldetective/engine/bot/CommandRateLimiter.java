package io.vinyldetective.engine.bot;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Commands per chat per minute, over a sliding window. Past the limit, the first refused command of
 * a flood gets an answer and the rest are dropped silently, so a flood is not answered with a flood.
 */
final class CommandRateLimiter {

    private static final Duration WINDOW = Duration.ofMinutes(1);

    /** What to do with one command. */
    enum Verdict { ALLOW, REFUSE_AND_SAY_SO, DROP }

    private final int perMinute;
    private final Clock clock;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    CommandRateLimiter(int perMinute, Clock clock) {
        this.perMinute = perMinute;
        this.clock = clock;
    }

    Verdict check(String chatId) {
        Window w = windows.computeIfAbsent(chatId, id -> new Window());
        synchronized (w) {
            Instant now = clock.instant();
            while (!w.times.isEmpty() && !w.times.peekFirst().isAfter(now.minus(WINDOW))) {
                w.times.removeFirst();
            }
            if (w.times.size() < perMinute) {
                w.times.addLast(now);
                w.told = false;
                return Verdict.ALLOW;
            }
            if (w.told) {
                return Verdict.DROP;
            }
            w.told = true;
            return Verdict.REFUSE_AND_SAY_SO;
        }
    }

    private static final class Window {
        final Deque<Instant> times = new ArrayDeque<>();
        boolean told;
    }
}
