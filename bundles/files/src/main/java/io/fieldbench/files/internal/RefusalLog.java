package io.fieldbench.files.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** The recent refusals, for the console and the view, and how many there were in all. Any thread. */
final class RefusalLog {

    /** Refusals kept; older ones are only counted (the bench's log has them all). */
    static final int KEPT = 200;

    private final Deque<Refusal> recent = new ArrayDeque<>();
    private final AtomicLong total = new AtomicLong();

    void add(Refusal refusal) {
        total.incrementAndGet();
        synchronized (recent) {
            if (recent.size() == KEPT) {
                recent.removeFirst();
            }
            recent.addLast(refusal);
        }
    }

    /** The most recent refusals, oldest first, at most {@code limit}. */
    List<Refusal> recent(int limit) {
        synchronized (recent) {
            List<Refusal> all = new ArrayList<>(recent);
            return List.copyOf(all.subList(Math.max(0, all.size() - limit), all.size()));
        }
    }

    long total() {
        return total.get();
    }
}
