package io.fieldbench.sim;

import java.util.SplittableRandom;

/**
 * One simulated device: its name, its sequence counter and its two sensors. Its parameters come
 * from a random generator seeded with its number, so device 7 looks the same in every run.
 * Used by one thread at a time.
 */
public final class VirtualDevice {

    private static final double MIN_PERIOD_SECONDS = 30;
    private static final double MAX_PERIOD_SECONDS = 120;
    private static final double MIN_DRIFT_PERIOD_SECONDS = 600;
    private static final double MAX_DRIFT_PERIOD_SECONDS = 1_800;
    private static final double MIN_HUMIDITY = 0;
    private static final double MAX_HUMIDITY = 100;

    private final String id;
    private final int number;
    private final SplittableRandom random;
    private final Waveform temperature;
    private final Waveform humidity;
    private long sequence;

    public VirtualDevice(int number) {
        this.number = number;
        this.id = name(number);
        this.random = new SplittableRandom(number);
        this.temperature = new Waveform(random.nextDouble(15, 30), random.nextDouble(1, 4), period(), phase(),
                random.nextDouble(0.5, 2), driftPeriod(), 0.05);
        this.humidity = new Waveform(random.nextDouble(30, 70), random.nextDouble(3, 10), period(), phase(),
                random.nextDouble(1, 5), driftPeriod(), 0.2);
    }

    /** {@code dev0001} for 1: the name the text and JSON formats carry. */
    public static String name(int number) {
        return String.format("dev%04d", number);
    }

    public String id() {
        return id;
    }

    public int number() {
        return number;
    }

    /** The frames sent so far. */
    public long sequence() {
        return sequence;
    }

    /** The next frame's content, at this many seconds after the simulation started. */
    public Reading next(double seconds) {
        sequence++;
        double rh = Math.max(MIN_HUMIDITY, Math.min(MAX_HUMIDITY, humidity.valueAt(seconds, random)));
        return new Reading(id, number, sequence, temperature.valueAt(seconds, random), rh);
    }

    private double period() {
        return random.nextDouble(MIN_PERIOD_SECONDS, MAX_PERIOD_SECONDS);
    }

    private double driftPeriod() {
        return random.nextDouble(MIN_DRIFT_PERIOD_SECONDS, MAX_DRIFT_PERIOD_SECONDS);
    }

    private double phase() {
        return random.nextDouble(0, 2 * Math.PI);
    }
}
