package io.fieldbench.recorder.replay;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

import io.fieldbench.api.sample.Sample;
import io.fieldbench.api.sample.SampleEvents;
import io.fieldbench.recorder.format.RecordingFile;
import io.fieldbench.recorder.format.Recordings;

/**
 * One replay on its own thread: reads the sample files in order and posts their samples as
 * {@link SampleEvents#DECODED} batches marked {@link SampleEvents#REPLAY}, each sample at its
 * recorded offset from the first divided by the speed. Samples are batched by
 * {@value #BATCH_MILLIS} ms of replay time (at most {@value #MAX_BATCH} a batch), as the collector
 * batches live data.
 */
final class Replay implements Runnable {

    static final long BATCH_MILLIS = 10;
    static final int MAX_BATCH = 4096;
    private static final long NANOS_PER_MILLI = 1_000_000L;

    private final List<RecordingFile> files;
    private final String source;
    private final ReplaySpeed speed;
    private final EventAdmin events;
    private final long totalBytes;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final List<Sample> batch = new ArrayList<>();
    private volatile String state = "playing";
    private volatile String problem = "";
    private volatile long posted;
    private volatile long bytesRead;
    private boolean paused;
    private boolean stopped;
    private Instant firstRecorded;
    private long startNanos;
    private long pausedNanos;
    private long batchDueNanos;

    Replay(List<RecordingFile> files, String source, ReplaySpeed speed, EventAdmin events) {
        this.files = List.copyOf(files);
        this.source = source;
        this.speed = speed;
        this.events = events;
        this.totalBytes = Math.max(1, Recordings.bytes(files));
    }

    @Override
    public void run() {
        startNanos = System.nanoTime();
        try {
            Recordings.read(files, Instant.MIN, Instant.MAX, this::take, bytes -> bytesRead = bytes);
            if (!stopped()) {
                post();
                bytesRead = totalBytes;
                state = "finished";
            } else {
                state = "stopped";
            }
        } catch (IOException | RuntimeException e) {
            problem = e.toString();
            state = "failed";
        }
    }

    private boolean take(Sample sample) throws IOException {
        try {
            if (firstRecorded == null) {
                firstRecorded = sample.receivedAt();
            }
            long due = dueNanos(sample.receivedAt());
            if (!batch.isEmpty() && (batch.size() >= MAX_BATCH || due - batchDueNanos >= BATCH_MILLIS * NANOS_PER_MILLI)) {
                post();
            }
            if (batch.isEmpty()) {
                batchDueNanos = due;
                awaitTurn(due);
            }
            batch.add(sample);
            return !stopped();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("replay interrupted", e);
        }
    }

    /** Nanoseconds after the start (not counting pauses) when this sample is due. */
    private long dueNanos(Instant recorded) {
        if (!speed.paced()) {
            return 0;
        }
        long offset = java.time.Duration.between(firstRecorded, recorded).toNanos();
        return (long) (Math.max(0, offset) / speed.factor());
    }

    private void awaitTurn(long due) throws InterruptedException {
        lock.lock();
        try {
            while (!stopped) {
                if (paused) {
                    long pausedAt = System.nanoTime();
                    changed.await();
                    pausedNanos += System.nanoTime() - pausedAt;
                    continue;
                }
                long wait = startNanos + pausedNanos + due - System.nanoTime();
                if (wait <= 0) {
                    return;
                }
                changed.awaitNanos(wait);
            }
        } finally {
            lock.unlock();
        }
    }

    private void post() {
        if (batch.isEmpty()) {
            return;
        }
        List<Sample> out = List.copyOf(batch);
        batch.clear();
        events.postEvent(new Event(SampleEvents.DECODED, Map.of(SampleEvents.SAMPLES, out, SampleEvents.REPLAY, Boolean.TRUE)));
        posted += out.size();
    }

    private boolean stopped() {
        lock.lock();
        try {
            return stopped;
        } finally {
            lock.unlock();
        }
    }

    void pause(boolean pause) {
        lock.lock();
        try {
            paused = pause;
            if (state.equals("playing") || state.equals("paused")) {
                state = pause ? "paused" : "playing";
            }
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    void stop() {
        lock.lock();
        try {
            stopped = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    ReplayProgress progress() {
        return new ReplayProgress(state, source, speed, posted, Math.min(1, (double) bytesRead / totalBytes), problem);
    }
}
