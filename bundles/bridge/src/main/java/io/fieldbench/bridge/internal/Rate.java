package io.fieldbench.bridge.internal;

/** A counter's rate between two readings of the status. */
final class Rate {
    private long last;
    private long lastNanos = System.nanoTime();

    double perSecond(long total, long nowNanos) {
        double rate = (total - last) / Math.max(1e-3, (nowNanos - lastNanos) / 1e9);
        last = total;
        lastNanos = nowNanos;
        return rate;
    }
}
