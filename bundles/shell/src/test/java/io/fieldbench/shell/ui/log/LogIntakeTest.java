package io.fieldbench.shell.ui.log;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;
import org.osgi.service.log.LogEntry;
import org.osgi.service.log.LogLevel;
import org.osgi.service.log.LogListener;
import org.osgi.service.log.LogReaderService;

class LogIntakeTest {

    @Test
    void countsLinesItHasNoRoomFor() {
        LogIntake intake = new LogIntake(2);

        for (int n = 1; n <= 5; n++) {
            intake.offer(new LogLine(n, n, LogLevel.INFO, "b", "m"));
        }
        List<LogLine> batch = intake.drain(10);

        assertEquals(2, batch.size());
        assertEquals(3, intake.lost());
    }

    @Test
    void drainsAtMostTheBatchLimitOldestFirst() {
        LogIntake intake = new LogIntake(10);
        for (int n = 1; n <= 5; n++) {
            intake.offer(new LogLine(n, n, LogLevel.INFO, "b", "m"));
        }

        List<LogLine> batch = intake.drain(3);

        assertEquals(List.of(1L, 2L, 3L), batch.stream().map(LogLine::sequence).toList());
    }

    @Test
    void givenAnEntryBothInHistoryAndDeliveredItAppearsOnce() {
        FakeLogReader reader = new FakeLogReader();
        reader.history.add(new FakeEntry(2, "second"));
        reader.history.add(new FakeEntry(1, "first"));
        reader.deliverOnAdd = new FakeEntry(2, "second");
        LogIntake intake = new LogIntake(10);

        intake.open(reader);
        intake.logged(new FakeEntry(3, "third"));
        List<LogLine> batch = intake.drain(10);

        assertEquals(List.of("first", "second"), intake.history().stream().map(LogLine::message).toList());
        assertEquals(List.of("third"), batch.stream().map(LogLine::message).toList());
    }

    /** Delivers an entry as soon as a listener is added, as a busy log service may. */
    private static final class FakeLogReader implements LogReaderService {
        final List<LogEntry> history = new ArrayList<>();
        LogEntry deliverOnAdd;

        @Override
        public void addLogListener(LogListener listener) {
            if (deliverOnAdd != null) {
                listener.logged(deliverOnAdd);
            }
        }

        @Override
        public void removeLogListener(LogListener listener) {
        }

        @Override
        public java.util.Enumeration<LogEntry> getLog() {
            return Collections.enumeration(history);
        }
    }

    private record FakeEntry(long getSequence, String getMessage) implements LogEntry {
        @Override
        public Bundle getBundle() {
            return null;
        }

        @Override
        public ServiceReference<?> getServiceReference() {
            return null;
        }

        @Override
        @SuppressWarnings("deprecation")
        public int getLevel() {
            return 3;
        }

        @Override
        public Throwable getException() {
            return null;
        }

        @Override
        public long getTime() {
            return getSequence;
        }

        @Override
        public LogLevel getLogLevel() {
            return LogLevel.INFO;
        }

        @Override
        public String getLoggerName() {
            return "test";
        }

        @Override
        public String getThreadInfo() {
            return "main";
        }

        @Override
        public StackTraceElement getLocation() {
            return null;
        }
    }
}
