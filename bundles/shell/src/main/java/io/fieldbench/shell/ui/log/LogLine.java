package io.fieldbench.shell.ui.log;

import org.osgi.framework.Bundle;
import org.osgi.service.log.LogEntry;
import org.osgi.service.log.LogLevel;

/**
 * One line of the bench's log, copied out of the OSGi log entry so the view holds no bundle objects.
 *
 * @param sequence the log service's sequence number: increasing, unique
 * @param time     milliseconds since the epoch
 */
record LogLine(long sequence, long time, LogLevel level, String bundle, String message) {

    static LogLine of(LogEntry entry) {
        Bundle bundle = entry.getBundle();
        String source = bundle == null || bundle.getSymbolicName() == null ? "" : bundle.getSymbolicName();
        Throwable problem = entry.getException();
        String message = problem == null ? entry.getMessage() : entry.getMessage() + " — " + problem;
        return new LogLine(entry.getSequence(), entry.getTime(), entry.getLogLevel(), source, message);
    }
}
