package io.fieldbench.support;

import java.util.Locale;

/**
 * A number of bytes as every view and console line of the bench shows it: in the largest binary
 * unit that keeps the number below 1024, {@code 512 B}, {@code 1.2 KiB}, {@code 3.4 MiB},
 * {@code 1.0 GiB}; the same text whatever the machine's locale.
 */
public final class ByteSize {

    private static final String[] UNITS = {"B", "KiB", "MiB", "GiB", "TiB"};
    private static final double STEP = 1024;

    private ByteSize() {
    }

    /** A size, or a rate's bytes (the caller adds {@code /s}). */
    public static String of(double bytes) {
        double value = bytes;
        int unit = 0;
        while (unit < UNITS.length - 1 && shown(value, unit) >= STEP) {
            value /= STEP;
            unit++;
        }
        return String.format(Locale.ROOT, unit == 0 ? "%.0f %s" : "%.1f %s", value, UNITS[unit]);
    }

    /** The value as its unit writes it: whole bytes, or tenths of a larger unit (1023.96 KiB is written 1024.0). */
    private static double shown(double value, int unit) {
        return unit == 0 ? Math.round(value) : Math.round(value * 10) / 10.0;
    }
}
