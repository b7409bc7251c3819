package io.fieldbench.chart.ui;

/** How much recent time a chart shows while it scrolls. */
enum TimeWindow {
    TEN_SECONDS("10 s", 10_000),
    ONE_MINUTE("1 min", 60_000),
    TEN_MINUTES("10 min", 600_000),
    ONE_HOUR("1 h", 3_600_000),
    ALL("All", 0);

    private final String label;
    private final long millis;

    TimeWindow(String label, long millis) {
        this.label = label;
        this.millis = millis;
    }

    /** The span shown, or 0 for everything retained. */
    long millis() {
        return millis;
    }

    boolean isAll() {
        return millis == 0;
    }

    /** The window with this name, or the default one for an unknown name. */
    static TimeWindow named(String name) {
        for (TimeWindow window : values()) {
            if (window.name().equals(name)) {
                return window;
            }
        }
        return ONE_MINUTE;
    }

    @Override
    public String toString() {
        return label;
    }
}
