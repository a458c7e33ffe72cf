package io.vinyldetective.engine.http;

import io.vinyldetective.api.Urgency;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HostRateLimiterTest {

    private final List<String> served = new CopyOnWriteArrayList<>();

    @Test
    void servesTheMostUrgentFirstAndFifoWithinOneUrgency() throws Exception {
        HostRateLimiter limiter = new HostRateLimiter(1, Duration.ofMillis(100), System::nanoTime);
        limiter.acquire(Urgency.LOOKUP);
        List<Thread> threads = List.of(
                waiter(limiter, Urgency.BACKGROUND, "b1"), waiter(limiter, Urgency.LOOKUP, "l1"),
                waiter(limiter, Urgency.BACKGROUND, "b2"), waiter(limiter, Urgency.LIVE, "v1"),
                waiter(limiter, Urgency.LOOKUP, "l2"), waiter(limiter, Urgency.LIVE, "v2"));
        for (int i = 0; i < threads.size(); i++) {
            threads.get(i).start();
            awaitWaiting(limiter, i + 1);
        }
        for (Thread t : threads) {
            t.join(5000);
        }

        assertEquals(List.of("v1", "v2", "l1", "l2", "b1", "b2"), served);
    }

    @Test
    void anInterruptedWaiterLeavesTheQueue() throws Exception {
        HostRateLimiter limiter = new HostRateLimiter(1, Duration.ofMillis(200), System::nanoTime);
        limiter.acquire(Urgency.LIVE);
        Thread impatient = waiter(limiter, Urgency.LIVE, "impatient");
        impatient.start();
        awaitWaiting(limiter, 1);

        impatient.interrupt();
        impatient.join(5000);

        assertEquals(0, limiter.waiting());
        assertTrue(served.contains("interrupted"));
        limiter.acquire(Urgency.BACKGROUND);
    }

    @Test
    void aNewLimitAppliesToThoseAlreadyWaiting() throws Exception {
        HostRateLimiter limiter = new HostRateLimiter(1, Duration.ofMinutes(10), System::nanoTime);
        limiter.acquire(Urgency.LIVE);
        Thread waiting = waiter(limiter, Urgency.LIVE, "w");
        waiting.start();
        awaitWaiting(limiter, 1);

        limiter.setLimit(2, Duration.ofMinutes(10));
        waiting.join(5000);

        assertFalse(waiting.isAlive());
        assertEquals(List.of("w"), served);
    }

    @Test
    void aHoldGrantsNothingUntilItEndsThenServesByUrgency() throws Exception {
        // One grant per 200 ms after the hold, so the order the waiters are served in is observable.
        HostRateLimiter limiter = new HostRateLimiter(1, Duration.ofMillis(200), System::nanoTime);
        long start = System.nanoTime();
        limiter.hold(Duration.ofMillis(300));
        List<Thread> threads = List.of(waiter(limiter, Urgency.BACKGROUND, "b"), waiter(limiter, Urgency.LIVE, "v"));
        for (int i = 0; i < threads.size(); i++) {
            threads.get(i).start();
            awaitWaiting(limiter, i + 1);
        }
        for (Thread t : threads) {
            t.join(5000);
        }

        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertTrue(millis >= 300, "granted after " + millis + " ms");
        assertEquals(List.of("v", "b"), served);
    }

    @Test
    void aShorterHoldDoesNotCutALongerOne() throws Exception {
        HostRateLimiter limiter = new HostRateLimiter(10, Duration.ofSeconds(10), System::nanoTime);
        long start = System.nanoTime();
        limiter.hold(Duration.ofMillis(300));
        limiter.hold(Duration.ofMillis(10));

        limiter.acquire(Urgency.LIVE);

        assertTrue(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start) >= 300);
        assertEquals(Duration.ofSeconds(10), limiter.window());
    }

    private Thread waiter(HostRateLimiter limiter, Urgency urgency, String name) {
        return new Thread(() -> {
            try {
                limiter.acquire(urgency);
                served.add(name);
            } catch (InterruptedException e) {
                served.add("interrupted");
            }
        });
    }

    private static void awaitWaiting(HostRateLimiter limiter, int expected) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (limiter.waiting() < expected) {
            assertTrue(System.nanoTime() < deadline, "never queued");
            Thread.sleep(1);
        }
    }
}
