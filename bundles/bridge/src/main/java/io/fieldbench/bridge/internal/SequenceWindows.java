package io.fieldbench.bridge.internal;

import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;

/**
 * Which batches of each publishing bench's run ({@code site}, {@code boot}) were seen, by sequence
 * number: a batch seen before is a duplicate (QoS 1 delivers at least once, and a publisher
 * replays what it could not confirm), and the numbers not seen between the lowest and the highest
 * are missing. Batches may arrive out of order: a backlog is replayed beside live data. A run's
 * numbers start at 0 and grow by one per batch (20 a second at the default batch time: a bit
 * each, about 200 KiB a day of a run).
 */
final class SequenceWindows {

    /** One run of one publishing bench. */
    private static final class Window {
        private final BitSet seen = new BitSet();
        private long lowest = Long.MAX_VALUE;
        private long highest = -1;
    }

    private final Map<String, Window> windows = new HashMap<>();
    private long duplicates;

    /** Records the batch; says whether it is new (false: a duplicate, to drop). */
    boolean firstTime(String site, long boot, long seq) {
        Window window = windows.computeIfAbsent(site + "@" + boot, key -> new Window());
        int bit = Math.toIntExact(seq);
        if (window.seen.get(bit)) {
            duplicates++;
            return false;
        }
        window.seen.set(bit);
        window.lowest = Math.min(window.lowest, seq);
        window.highest = Math.max(window.highest, seq);
        return true;
    }

    long duplicates() {
        return duplicates;
    }

    /** Batches not (yet) seen between the lowest and the highest seen of each run. */
    long missing() {
        long missing = 0;
        for (Window window : windows.values()) {
            missing += window.highest - window.lowest + 1 - window.seen.cardinality();
        }
        return missing;
    }
}
