package io.fieldbench.server.support.tcp;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waiting in a socket test for what other threads (event loops, readers) make true, with a deadline. */
public final class Await {

    public static final Duration DEADLINE = Duration.ofSeconds(30);

    private Await() {
    }

    public static void until(BooleanSupplier condition, String what) throws InterruptedException {
        long end = System.nanoTime() + DEADLINE.toNanos();
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < end, "no " + what + " after " + DEADLINE.toSeconds() + " s");
            Thread.sleep(5); // state on other threads: polled with a deadline
        }
    }
}
