package io.fieldbench.imagerelay.ui;

import java.util.Locale;

/** A byte count as people read it: 512 B, 7.0 MB (decimal units, as phones and browsers show them). */
final class ByteSize {

    private static final String[] UNITS = {"B", "kB", "MB", "GB", "TB"};
    private static final double STEP = 1000;

    private ByteSize() {
    }

    static String of(long bytes) {
        double value = bytes;
        int unit = 0;
        while (value >= STEP && unit < UNITS.length - 1) {
            value /= STEP;
            unit++;
        }
        return unit == 0 ? bytes + " B" : String.format(Locale.ROOT, "%.1f %s", value, UNITS[unit]);
    }
}
