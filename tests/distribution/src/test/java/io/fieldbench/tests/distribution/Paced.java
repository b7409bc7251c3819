package io.fieldbench.tests.distribution;

import java.time.Duration;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * One step of the soak's load, run at a steady pace on a thread of its own until closed or until its
 * time is up. A step that fails is one of the soak's errors, and the next step runs all the same.
 */
final class Paced implements AutoCloseable {

    /** A step of load; what it throws is an error of the load. */
    @FunctionalInterface
    interface Step {
        void run() throws Exception;
    }

    private final ScheduledThreadPoolExecutor thread = new ScheduledThreadPoolExecutor(1);

    private Paced(String what, Duration pace, Duration maxRun, SoakErrors errors, Step step) {
        long end = System.nanoTime() + maxRun.toNanos();
        thread.scheduleWithFixedDelay(() -> {
            if (System.nanoTime() > end) {
                thread.shutdown();
                return;
            }
            try {
                step.run();
            } catch (Exception | AssertionError e) {
                errors.add(what, e.toString());
            }
        }, pace.toMillis(), pace.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Runs the step every {@code pace} (from the end of one to the start of the next) for at most {@code maxRun}. */
    static Paced every(String what, Duration pace, Duration maxRun, SoakErrors errors, Step step) {
        return new Paced(what, pace, maxRun, errors, step);
    }

    /** Lets the step under way finish and runs no more. */
    @Override
    public void close() throws InterruptedException {
        thread.shutdown();
        thread.awaitTermination(BenchProcess.DEADLINE.toSeconds(), TimeUnit.SECONDS);
    }
}
