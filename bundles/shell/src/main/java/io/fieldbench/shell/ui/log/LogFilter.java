package io.fieldbench.shell.ui.log;

import java.util.function.Predicate;

import org.osgi.service.log.LogLevel;

/**
 * Which lines the log view shows: those at least as severe as a threshold that contain a text
 * (ignoring case) in their message or bundle name.
 */
record LogFilter(LogLevel threshold, String text) implements Predicate<LogLine> {

    static final LogFilter ALL = new LogFilter(LogLevel.TRACE, "");

    LogFilter {
        text = text == null ? "" : text.trim();
    }

    @Override
    public boolean test(LogLine line) {
        return threshold.implies(line.level())
                && (text.isEmpty() || containsIgnoreCase(line.message(), text)
                        || containsIgnoreCase(line.bundle(), text));
    }

    /** Without lower-casing copies: the filter runs over every kept line at each refresh. */
    private static boolean containsIgnoreCase(String haystack, String needle) {
        if (haystack == null) {
            return false;
        }
        int last = haystack.length() - needle.length();
        for (int i = 0; i <= last; i++) {
            if (haystack.regionMatches(true, i, needle, 0, needle.length())) {
                return true;
            }
        }
        return false;
    }
}
