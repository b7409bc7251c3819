package io.fieldbench.recorder.replay;

import java.util.Locale;

/** How fast a replay runs: a factor of the recorded pace, or as fast as the bench takes it. */
public record ReplaySpeed(double factor) {

    public static final ReplaySpeed REAL_TIME = new ReplaySpeed(1);
    public static final ReplaySpeed TEN_TIMES = new ReplaySpeed(10);
    public static final ReplaySpeed MAX = new ReplaySpeed(Double.POSITIVE_INFINITY);

    /** {@code 1}, {@code 10}, {@code 1x}, any positive factor, or {@code max}. */
    public static ReplaySpeed parse(String text) {
        String value = text.trim().toLowerCase(Locale.ROOT);
        if (value.equals("max")) {
            return MAX;
        }
        if (value.endsWith("x")) {
            value = value.substring(0, value.length() - 1);
        }
        try {
            double factor = Double.parseDouble(value);
            if (factor > 0 && Double.isFinite(factor)) {
                return new ReplaySpeed(factor);
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new IllegalArgumentException("speed '" + text + "': 1, 10 or max");
    }

    public boolean paced() {
        return Double.isFinite(factor);
    }

    @Override
    public String toString() {
        return paced() ? (factor == Math.rint(factor) ? Long.toString((long) factor) : Double.toString(factor)) + "x" : "max";
    }
}
