package io.fieldbench.chart.ui;

import java.util.Locale;

/** Short human forms of counts for the status line. */
final class Quantities {

    private static final double KILO = 1_000;

    private Quantities() {
    }

    static String count(long n) {
        if (n < KILO) {
            return Long.toString(n);
        }
        if (n < KILO * KILO) {
            return String.format(Locale.ROOT, "%.1f k", n / KILO);
        }
        return String.format(Locale.ROOT, "%.2f M", n / (KILO * KILO));
    }
}
