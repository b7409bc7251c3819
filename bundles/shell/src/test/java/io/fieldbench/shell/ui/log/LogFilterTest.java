package io.fieldbench.shell.ui.log;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.osgi.service.log.LogLevel;

class LogFilterTest {

    private static LogLine line(LogLevel level, String bundle, String message) {
        return new LogLine(1, 0, level, bundle, message);
    }

    @Test
    void showsLinesAtLeastAsSevereAsTheThreshold() {
        LogFilter warnings = new LogFilter(LogLevel.WARN, "");

        assertTrue(warnings.test(line(LogLevel.ERROR, "b", "m")));
        assertTrue(warnings.test(line(LogLevel.WARN, "b", "m")));
        assertFalse(warnings.test(line(LogLevel.INFO, "b", "m")));
        assertFalse(warnings.test(line(LogLevel.DEBUG, "b", "m")));
    }

    @Test
    void matchesTextInMessageOrBundleIgnoringCase() {
        LogFilter udp = new LogFilter(LogLevel.DEBUG, " UDP ");

        assertTrue(udp.test(line(LogLevel.INFO, "io.fieldbench.udp", "bound")));
        assertTrue(udp.test(line(LogLevel.INFO, "core", "Udp port 9999 in use")));
        assertFalse(udp.test(line(LogLevel.INFO, "core", "started")));
    }

    @Test
    void aMessageShorterThanTheTextDoesNotMatch() {
        assertFalse(new LogFilter(LogLevel.DEBUG, "a long text").test(line(LogLevel.INFO, "", "short")));
    }
}
