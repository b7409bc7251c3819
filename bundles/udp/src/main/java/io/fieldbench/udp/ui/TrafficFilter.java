package io.fieldbench.udp.ui;

/**
 * Which datagrams the traffic log shows: those whose source contains one text and whose shown
 * bytes or problem contain another, ignoring case. Empty texts match everything.
 */
record TrafficFilter(String source, String text) {

    static final TrafficFilter ALL = new TrafficFilter("", "");

    TrafficFilter {
        source = source == null ? "" : source.trim();
        text = text == null ? "" : text.trim();
    }

    boolean isAll() {
        return source.isEmpty() && text.isEmpty();
    }

    boolean test(TrafficEntry entry, PayloadFormat format) {
        return (source.isEmpty() || containsIgnoreCase(entry.source(), source))
                && (text.isEmpty() || containsIgnoreCase(entry.shown(format), text) || containsIgnoreCase(entry.problem(), text));
    }

    /** Without lower-casing copies: the filter runs over every new row. */
    static boolean containsIgnoreCase(String haystack, String needle) {
        int last = haystack.length() - needle.length();
        for (int i = 0; i <= last; i++) {
            if (haystack.regionMatches(true, i, needle, 0, needle.length())) {
                return true;
            }
        }
        return false;
    }
}
