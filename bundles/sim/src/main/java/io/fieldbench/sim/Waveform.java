package io.fieldbench.sim;

import java.util.random.RandomGenerator;

/**
 * A plausible sensor signal: a level, a slow drift (a sine with a period of many minutes), a
 * daily-cycle-like swing (a sine of a minute or two) and measurement noise. Deterministic apart from
 * the noise, so two devices with different parameters are easy to tell apart on a chart.
 *
 * @param level            the mean value
 * @param swing            amplitude of the periodic swing
 * @param periodSeconds    period of the swing
 * @param phase            phase of the swing, radians
 * @param drift            amplitude of the slow drift
 * @param driftPeriodSeconds period of the drift
 * @param noise            standard deviation of the noise
 */
public record Waveform(double level, double swing, double periodSeconds, double phase, double drift,
        double driftPeriodSeconds, double noise) {

    private static final double TWO_PI = 2 * Math.PI;

    /** The value at this many seconds after the simulation started. */
    public double valueAt(double seconds, RandomGenerator random) {
        return level
                + swing * Math.sin(TWO_PI * seconds / periodSeconds + phase)
                + drift * Math.sin(TWO_PI * seconds / driftPeriodSeconds + phase / 2)
                + noise * random.nextGaussian();
    }
}
