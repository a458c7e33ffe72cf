package io.vinyldetective.engine.http;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;

class BackoffTest {

    @Test
    void theCeilingDoublesUpToTheMaximum() {
        Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(60), () -> 0.5);

        assertEquals(Duration.ofSeconds(1), backoff.ceiling(1));
        assertEquals(Duration.ofSeconds(2), backoff.ceiling(2));
        assertEquals(Duration.ofSeconds(32), backoff.ceiling(6));
        assertEquals(Duration.ofSeconds(60), backoff.ceiling(7));
        assertEquals(Duration.ofSeconds(60), backoff.ceiling(500));
    }

    @Test
    void theDelayIsAFullJitterOfTheCeiling() {
        assertEquals(Duration.ZERO, new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(60), () -> 0.0).delay(3));
        assertEquals(Duration.ofSeconds(2),
                new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(60), () -> 0.5).delay(3));
        assertEquals(Duration.ofMillis(3996),
                new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(60), () -> 0.999).delay(3));
    }
}
