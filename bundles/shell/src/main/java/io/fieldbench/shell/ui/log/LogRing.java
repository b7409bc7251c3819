package io.fieldbench.shell.ui.log;

import java.util.List;

/**
 * The newest lines of the log, at most a fixed number: appending past capacity drops the oldest
 * and counts them. Not thread safe; the log view uses it on the EDT.
 */
final class LogRing {

    private final LogLine[] lines;
    private int start;
    private int size;
    private long dropped;

    LogRing(int capacity) {
        if (capacity <= 0) {
            throw new IllegalArgumentException("capacity must be positive: " + capacity);
        }
        lines = new LogLine[capacity];
    }

    /**
     * Appends the lines in order.
     *
     * @return how many of the oldest lines were dropped to make room
     */
    int append(List<LogLine> batch) {
        int droppedNow = 0;
        for (LogLine line : batch) {
            if (size < lines.length) {
                lines[(start + size) % lines.length] = line;
                size++;
            } else {
                lines[start] = line;
                start = (start + 1) % lines.length;
                droppedNow++;
            }
        }
        dropped += droppedNow;
        return droppedNow;
    }

    /** The line at this index; 0 is the oldest kept. */
    LogLine get(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException(index);
        }
        return lines[(start + index) % lines.length];
    }

    int size() {
        return size;
    }

    int capacity() {
        return lines.length;
    }

    /** How many lines were dropped since the ring was made or cleared. */
    long dropped() {
        return dropped;
    }

    void clear() {
        java.util.Arrays.fill(lines, null);
        start = 0;
        size = 0;
        dropped = 0;
    }
}
