package io.fieldbench.bridge.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Which batches of each publishing bench's run ({@code site}, {@code boot}) were seen, by sequence
 * number: a batch seen before is a duplicate (QoS 1 delivers at least once, and a publisher
 * replays what it could not confirm), and the numbers not seen between the lowest and the highest
 * are missing. Batches may arrive out of order (a backlog is replayed beside live data), so each
 * run keeps the ranges of numbers it saw: a few ranges whatever the numbers, since gaps fill in.
 * A run with more than {@value #MAX_RANGES} open gaps forgets its oldest: a foreign message with
 * a wild number cannot make the watcher hold more.
 */
final class SequenceWindows {

    static final int MAX_RANGES = 10_000;

    /** One run of one publishing bench: first number of each seen range → its last number. */
    private static final class Window {
        private final TreeMap<Long, Long> ranges = new TreeMap<>();
        private long seen;
    }

    private final Map<String, Window> windows = new HashMap<>();
    private long duplicates;

    /** Records the batch; says whether it is new (false: a duplicate, to drop). */
    boolean firstTime(String site, long boot, long seq) {
        Window window = windows.computeIfAbsent(site + "@" + boot, key -> new Window());
        Map.Entry<Long, Long> below = window.ranges.floorEntry(seq);
        if (below != null && below.getValue() >= seq) {
            duplicates++;
            return false;
        }
        long first = below != null && below.getValue() == seq - 1 ? below.getKey() : seq;
        long last = seq;
        Long after = window.ranges.get(seq + 1);
        if (after != null) {
            window.ranges.remove(seq + 1);
            last = after;
        }
        window.ranges.put(first, last);
        window.seen++;
        if (window.ranges.size() > MAX_RANGES) {
            Map.Entry<Long, Long> oldest = window.ranges.pollFirstEntry();
            Map.Entry<Long, Long> next = window.ranges.pollFirstEntry();
            window.ranges.put(oldest.getKey(), next.getValue()); // the gap between is given up as lost
            window.seen += next.getKey() - oldest.getValue() - 1;
        }
        return true;
    }

    long duplicates() {
        return duplicates;
    }

    /** Batches not (yet) seen between the lowest and the highest seen of each run. */
    long missing() {
        long missing = 0;
        for (Window window : windows.values()) {
            if (!window.ranges.isEmpty()) {
                missing += window.ranges.lastEntry().getValue() - window.ranges.firstKey() + 1 - window.seen;
            }
        }
        return missing;
    }
}
