package io.fieldbench.recorder.internal;

import java.io.IOException;
import java.nio.BufferOverflowException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.osgi.service.log.Logger;

import io.fieldbench.api.sample.Datagram;
import io.fieldbench.api.sample.Sample;
import io.fieldbench.recorder.format.DatagramCodec;
import io.fieldbench.recorder.format.RecordFileWriter;
import io.fieldbench.recorder.format.RecordFormat;
import io.fieldbench.recorder.format.RecordFormat.Kind;
import io.fieldbench.recorder.format.SampleCodec;

/**
 * The writer thread: takes batches from the {@link RecordingQueue}, appends each item as a record to
 * its kind's file of the day, and flushes to the operating system every flush interval. When the
 * folder cannot be written (disk full, no permission) it says so once, drops and counts what comes,
 * and tries again every {@value #RETRY_MILLIS} ms until writing works again.
 */
final class RecordingWriter implements Runnable {

    static final long RETRY_MILLIS = 2_000;
    private static final int FIRST_BODY_BYTES = 4096;
    /** How soon an idle writer notices {@link #stop()}; it is never interrupted, which would close its files. */
    private static final long STOP_CHECK_MILLIS = 100;

    private final RecordingQueue queue;
    private final Path folder;
    private final long flushMillis;
    private final boolean sync;
    private final Logger log;
    private final RecordDays days = new RecordDays(ZoneId.systemDefault());
    private final Map<Kind, KindFile> files = new EnumMap<>(Kind.class);
    private final Map<Kind, AtomicLong> written = new EnumMap<>(Kind.class);
    private final AtomicLong failedItems = new AtomicLong();
    private ByteBuffer body = ByteBuffer.allocate(FIRST_BODY_BYTES);
    private volatile String problem = "";
    private volatile boolean stopping;
    private volatile List<FileState> open = List.of();
    private long retryAt;

    /** A file being written and its size. */
    record FileState(Path path, long bytes) {
    }

    RecordingWriter(RecordingQueue queue, Path folder, long flushMillis, boolean sync, Logger log) {
        this.queue = queue;
        this.folder = folder;
        this.flushMillis = flushMillis;
        this.sync = sync;
        this.log = log;
        for (Kind kind : Kind.values()) {
            files.put(kind, new KindFile(folder, kind));
            written.put(kind, new AtomicLong());
        }
    }

    /** Ends the loop once the queue is empty; the caller joins the thread. */
    void stop() {
        stopping = true;
    }

    @Override
    public void run() {
        long nextFlush = System.currentTimeMillis() + flushMillis;
        try {
            while (true) {
                RecordingQueue.Batch batch = queue.poll(Math.max(1, Math.min(STOP_CHECK_MILLIS, nextFlush - System.currentTimeMillis())));
                if (batch != null) {
                    write(batch);
                } else if (stopping) {
                    break;
                }
                if (System.currentTimeMillis() >= nextFlush) {
                    flush();
                    nextFlush = System.currentTimeMillis() + flushMillis;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            flush();
            files.values().forEach(KindFile::close);
            open = List.of();
        }
    }

    private void write(RecordingQueue.Batch batch) {
        if (!problem.isEmpty() && System.currentTimeMillis() < retryAt) {
            failedItems.addAndGet(batch.items().size());
            return;
        }
        KindFile file = files.get(batch.kind());
        int done = 0;
        try {
            for (Object item : batch.items()) {
                if (item instanceof Sample sample) {
                    append(file, sample.receivedAt(), sample, null);
                } else if (item instanceof Datagram datagram) {
                    append(file, datagram.receivedAt(), null, datagram);
                }
                done++;
            }
            written.get(batch.kind()).addAndGet(done);
        } catch (IOException | RuntimeException e) {
            written.get(batch.kind()).addAndGet(done);
            failed(batch.items().size() - done, e);
        }
    }

    private void append(KindFile file, Instant at, Sample sample, Datagram datagram) throws IOException {
        RecordFileWriter writer = file.writerFor(days.of(at));
        String note = file.takeNote();
        if (!note.isEmpty()) {
            log.warn("Recorder: {}", note);
        }
        while (true) {
            body.clear();
            try {
                if (sample != null) {
                    SampleCodec.encode(sample, body);
                } else {
                    DatagramCodec.encode(datagram, body);
                }
                break;
            } catch (BufferOverflowException e) {
                if (body.capacity() >= RecordFormat.MAX_RECORD) {
                    throw new IOException("a record larger than " + RecordFormat.MAX_RECORD + " bytes", e);
                }
                body = ByteBuffer.allocate(Math.min(RecordFormat.MAX_RECORD, body.capacity() * 2));
            }
        }
        body.flip();
        writer.append(body);
    }

    private void flush() {
        try {
            for (KindFile file : files.values()) {
                file.flush(sync);
            }
            if (files.values().stream().anyMatch(file -> file.current() != null)) {
                recovered(); // only what reached the files proves that writing works again
            }
        } catch (IOException e) {
            failed(0, e);
        }
        open = files.values().stream().filter(file -> file.current() != null)
                .map(file -> new FileState(file.current().path(), file.current().size() + file.current().buffered())).toList();
    }

    private void failed(long lost, Exception e) {
        files.values().forEach(KindFile::close);
        long discarded = 0;
        for (Map.Entry<Kind, KindFile> file : files.entrySet()) {
            long lostOfKind = file.getValue().takeDiscarded(); // counted as written when they were buffered
            written.get(file.getKey()).addAndGet(-lostOfKind);
            discarded += lostOfKind;
        }
        failedItems.addAndGet(lost + discarded);
        retryAt = System.currentTimeMillis() + RETRY_MILLIS;
        if (problem.isEmpty()) {
            problem = "cannot write to " + folder + ": " + e;
            log.error("Recorder: {}; receiving goes on, what arrives is dropped and counted until writing works again"
                    + " (rec:status)", problem);
        }
    }

    private void recovered() {
        if (!problem.isEmpty()) {
            problem = "";
            log.info("Recorder: writing to {} again; {} items were dropped while it failed", folder, failedItems.get());
        }
    }

    long written(Kind kind) {
        return written.get(kind).get();
    }

    /** Items dropped because they could not be written. */
    long failedItems() {
        return failedItems.get();
    }

    /** Why writing fails now; empty while it works. */
    String problem() {
        return problem;
    }

    /** The files open at the last flush, with their sizes. */
    List<FileState> openFiles() {
        return open;
    }
}
