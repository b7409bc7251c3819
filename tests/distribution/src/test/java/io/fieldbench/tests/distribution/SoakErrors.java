package io.fieldbench.tests.distribution;

import java.util.ArrayList;
import java.util.List;

/**
 * What went wrong for the soak's load (a wrong byte, a lost line, a refusal, a connection the bench
 * closed): counted, and the first few kept word for word for the report. Safe from any thread.
 */
final class SoakErrors {

    private static final int KEPT = 10;

    private final List<String> first = new ArrayList<>();
    private long count;

    synchronized void add(String what, String error) {
        count++;
        if (first.size() < KEPT) {
            first.add(what + ": " + error);
        }
    }

    synchronized long count() {
        return count;
    }

    synchronized List<String> first() {
        return List.copyOf(first);
    }
}
