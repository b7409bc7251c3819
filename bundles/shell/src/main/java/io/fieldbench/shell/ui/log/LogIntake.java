package io.fieldbench.shell.ui.log;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.osgi.service.log.LogEntry;
import org.osgi.service.log.LogLevel;
import org.osgi.service.log.LogListener;
import org.osgi.service.log.LogReaderService;

import io.fieldbench.view.support.BoundedIntake;

/**
 * Takes log entries as the log service delivers them, on its thread, into a {@link BoundedIntake}
 * that the view drains on its own schedule, after the log's history. When the intake is full a
 * line is counted as lost rather than slowing the log service down.
 */
final class LogIntake implements LogListener {

    /** Lines waiting for the view; at 30 drains a second this absorbs bursts of several 100 000 lines/s. */
    static final int QUEUE_CAPACITY = 50_000;

    /** The logger name prefix of the framework's service events (OSGi Log 1.4). */
    private static final String SERVICE_EVENTS = "Events.Service";

    private final BoundedIntake<LogLine> waiting;
    private volatile List<LogLine> history = List.of();
    private volatile long historyEnd = Long.MIN_VALUE;

    LogIntake() {
        this(QUEUE_CAPACITY);
    }

    LogIntake(int capacity) {
        waiting = new BoundedIntake<>(capacity);
    }

    /**
     * Starts listening, then reads the log's history. Listening first misses nothing; the lines
     * that arrive both ways are told apart by sequence number.
     */
    void open(LogReaderService reader) {
        reader.addLogListener(this);
        List<LogLine> newestFirst = new ArrayList<>();
        for (LogEntry entry : Collections.list(reader.getLog())) {
            if (!isRoutine(entry)) {
                newestFirst.add(LogLine.of(entry));
            }
        }
        Collections.reverse(newestFirst);
        history = List.copyOf(newestFirst);
        if (!history.isEmpty()) {
            historyEnd = history.get(history.size() - 1).sequence();
        }
    }

    void close(LogReaderService reader) {
        reader.removeLogListener(this);
    }

    /** The lines logged before {@link #open}, oldest first. */
    List<LogLine> history() {
        return history;
    }

    @Override
    public void logged(LogEntry entry) {
        if (!isRoutine(entry)) {
            offer(LogLine.of(entry));
        }
    }

    /**
     * The framework logs every service registration at INFO, past any log level setting; that is
     * noise to a lab engineer (the log file leaves it out too).
     */
    static boolean isRoutine(LogEntry entry) {
        return entry.getLoggerName().startsWith(SERVICE_EVENTS) && !LogLevel.WARN.implies(entry.getLogLevel());
    }

    void offer(LogLine line) {
        waiting.offer(line);
    }

    /** Takes at most {@code max} waiting lines, oldest first, leaving out those in the history. */
    List<LogLine> drain(int max) {
        List<LogLine> drained = waiting.drain(max);
        long seen = historyEnd;
        drained.removeIf(line -> line.sequence() <= seen);
        return drained;
    }

    /** Lines dropped because the view fell behind. */
    long lost() {
        return waiting.dropped();
    }
}
