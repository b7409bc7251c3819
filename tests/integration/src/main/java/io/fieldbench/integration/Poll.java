package io.fieldbench.integration;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.opentest4j.AssertionFailedError;

/**
 * Waits for something the framework does on its own threads (SCR, EventAdmin, the feature
 * manager's worker, the Swing event thread): checks a condition until it holds or a deadline
 * passes, then fails naming what did not happen. Never a fixed sleep.
 */
final class Poll {

    /** Long enough for a loaded CI machine; a passing run waits milliseconds. */
    static final Duration DEADLINE = Duration.ofSeconds(10);
    private static final long INTERVAL_MILLIS = 20;

    private Poll() {
    }

    static void until(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionFailedError("not within " + DEADLINE.toSeconds() + " s: " + what);
            }
            try {
                TimeUnit.MILLISECONDS.sleep(INTERVAL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionFailedError("interrupted while waiting: " + what, e);
            }
        }
    }
}
