package io.vinyldetective.engine.http;

import io.vinyldetective.api.Urgency;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.PriorityQueue;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;

/**
 * A sliding-window limit for one host: at most {@code requests} grants in any window of {@code per}.
 * A caller beyond the limit waits; waiting callers are served by {@link Urgency} (most urgent first),
 * first come first served within one urgency. The host can also be held (after a 429): nobody is
 * granted before the hold ends, and then the waiting are served in the same order. Thread-safe.
 */
final class HostRateLimiter {

    private static final Comparator<Ticket> ORDER =
            Comparator.comparingInt((Ticket t) -> t.urgency().ordinal()).thenComparingLong(Ticket::seq);

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final PriorityQueue<Ticket> waiting = new PriorityQueue<>(ORDER);
    private final ArrayDeque<Long> grants = new ArrayDeque<>();
    private final LongSupplier nanoTime;
    private int requests;
    private long windowNanos;
    private long nextSeq;
    private long heldUntil;
    private boolean held;

    HostRateLimiter(int requests, Duration per, LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
        setLimit(requests, per);
    }

    /** Replaces the limit; grants already made still count. */
    void setLimit(int requests, Duration per) {
        if (requests < 1 || per == null || per.isNegative() || per.isZero()) {
            throw new IllegalArgumentException("a rate limit needs at least 1 request per positive duration");
        }
        lock.lock();
        try {
            this.requests = requests;
            this.windowNanos = per.toNanos();
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** The window of the limit in force. */
    Duration window() {
        lock.lock();
        try {
            return Duration.ofNanos(windowNanos);
        } finally {
            lock.unlock();
        }
    }

    /** Grants nothing for {@code duration} from now (a longer hold already in force stays). */
    void hold(Duration duration) {
        lock.lock();
        try {
            long until = nanoTime.getAsLong() + Math.max(0, duration.toNanos());
            if (!held || until - heldUntil > 0) {
                heldUntil = until;
                held = true;
            }
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Waits for a slot, behind every waiting caller at least as urgent. */
    void acquire(Urgency urgency) throws InterruptedException {
        lock.lock();
        try {
            Ticket ticket = new Ticket(urgency, nextSeq++);
            waiting.add(ticket);
            try {
                awaitTurn(ticket);
            } catch (InterruptedException e) {
                waiting.remove(ticket);
                changed.signalAll();
                throw e;
            }
        } finally {
            lock.unlock();
        }
    }

    /** How many callers are waiting now. */
    int waiting() {
        lock.lock();
        try {
            return waiting.size();
        } finally {
            lock.unlock();
        }
    }

    private void awaitTurn(Ticket ticket) throws InterruptedException {
        while (true) {
            long now = nanoTime.getAsLong();
            while (!grants.isEmpty() && now - grants.peekFirst() >= windowNanos) {
                grants.pollFirst();
            }
            if (held && heldUntil - now <= 0) {
                held = false;
            }
            if (waiting.peek() != ticket) {
                changed.await();
            } else if (held) {
                changed.awaitNanos(heldUntil - now);
            } else if (grants.size() < requests) {
                waiting.poll();
                grants.addLast(now);
                changed.signalAll();
                return;
            } else {
                changed.awaitNanos(grants.peekFirst() + windowNanos - now);
            }
        }
    }

    private record Ticket(Urgency urgency, long seq) {
    }
}
