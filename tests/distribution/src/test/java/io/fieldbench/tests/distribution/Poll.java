package io.fieldbench.tests.distribution;

/** Waits for state that changes in another process, such as a file the bench writes. */
final class Poll {

    private static final long INTERVAL_MILLIS = 100;

    /** A check that may read files. */
    @FunctionalInterface
    interface Condition {
        boolean holds() throws Exception;
    }

    private Poll() {
    }

    /** Returns once the condition holds; fails at the deadline, naming what was awaited. */
    static void until(Condition condition, String what) throws Exception {
        long end = System.nanoTime() + BenchProcess.DEADLINE.toNanos();
        while (!condition.holds()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("never saw " + what + " within " + BenchProcess.DEADLINE.toSeconds() + " s");
            }
            Thread.sleep(INTERVAL_MILLIS); // another process's files: nothing to wait on but time
        }
    }
}
