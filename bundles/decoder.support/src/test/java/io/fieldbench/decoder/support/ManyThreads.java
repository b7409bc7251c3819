package io.fieldbench.decoder.support;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntPredicate;

/** A check run on several threads at once, for a decoder that the collector calls from any thread. */
public final class ManyThreads {

    /** Threads that run the check at the same time. */
    public static final int THREADS = 4;

    private ManyThreads() {
    }

    /**
     * Runs the check for rounds 0 to {@code rounds - 1} on each of {@value #THREADS} threads at once.
     *
     * @return whether it held in every round on every thread
     */
    public static boolean alwaysHolds(int rounds, IntPredicate check) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(THREADS);
        try {
            List<Callable<Boolean>> tasks = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                tasks.add(() -> {
                    for (int round = 0; round < rounds; round++) {
                        if (!check.test(round)) {
                            return false;
                        }
                    }
                    return true;
                });
            }
            for (Future<Boolean> result : threads.invokeAll(tasks)) {
                if (!result.get()) {
                    return false;
                }
            }
            return true;
        } finally {
            threads.shutdownNow();
        }
    }
}
