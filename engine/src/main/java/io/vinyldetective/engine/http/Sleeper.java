package io.vinyldetective.engine.http;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Waits between attempts. Tests substitute one that records instead of waiting. */
@FunctionalInterface
public interface Sleeper {

    /** Sleeps with {@link Thread#sleep}. */
    Sleeper SYSTEM = d -> TimeUnit.NANOSECONDS.sleep(d.toNanos());

    /** Waits for the given duration, or until interrupted. */
    void sleep(Duration duration) throws InterruptedException;
}
