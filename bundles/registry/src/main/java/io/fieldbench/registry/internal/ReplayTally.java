package io.fieldbench.registry.internal;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import io.fieldbench.api.sample.Sample;

/**
 * The samples of a recording played back, which the registry leaves out of its live figures: counted
 * apart so that the Devices view can say a replay runs and how much of it there was, as the chart
 * says REPLAY. A replay is the run of batches with no gap of {@link #QUIET_NANOS} between them; the
 * next batch after such a gap starts a new tally. Thread-safe: one lock, so a reader never sees a tally
 * half reset (a batch an event, a read a view refresh: it is never contended for long).
 */
public final class ReplayTally {

    /** A replay is over when no batch came for this long (a paused replay starts a new tally). */
    static final long QUIET_NANOS = TimeUnit.SECONDS.toNanos(2);

    /** What was replayed in the last replay; {@code running} while its batches still come. */
    public record Replayed(long samples, int devices, boolean running) {
        public static final Replayed NONE = new Replayed(0, 0, false);
    }

    private final Set<String> devices = new HashSet<>();
    private long samples;
    private long lastNanos;
    private boolean any;

    /** Counts a batch of replayed items (samples, or datagrams, which have no device of their own). */
    synchronized void count(List<?> batch, long nowNanos) {
        if (any && nowNanos - lastNanos >= QUIET_NANOS) {
            samples = 0;
            devices.clear();
        }
        for (Object item : batch) {
            if (item instanceof Sample sample) {
                samples++;
                devices.add(sample.deviceId());
            }
        }
        lastNanos = nowNanos;
        any = true;
    }

    /** The last replay, as of this time. */
    public synchronized Replayed replayed(long nowNanos) {
        return any ? new Replayed(samples, devices.size(), nowNanos - lastNanos < QUIET_NANOS) : Replayed.NONE;
    }
}
