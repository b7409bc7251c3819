package io.fieldbench.recorder.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.fieldbench.api.sample.Sample;
import io.fieldbench.recorder.format.RecordFormat.Kind;
import io.fieldbench.recorder.format.RecordingFile;
import io.fieldbench.recorder.format.Recordings;

/** The writer thread: what is queued reaches the files; failures are reported once and recovered from. */
class RecordingWriterTest {

    private static final long DEADLINE_MILLIS = 10_000;

    @TempDir
    Path folder;

    private final TestLog log = new TestLog();

    static Sample sample(int i) {
        return new Sample("dev" + (i % 4), new InetSocketAddress(InetAddress.getLoopbackAddress(), 50000),
                Instant.now(), "text", OptionalLong.of(i), Map.of("v", (double) i), Map.of(), 10);
    }

    private static List<Sample> batch(int from, int count) {
        List<Sample> batch = new ArrayList<>();
        for (int i = from; i < from + count; i++) {
            batch.add(sample(i));
        }
        return batch;
    }

    private static List<Sample> readAll(Path folder) throws IOException {
        List<Sample> samples = new ArrayList<>();
        Recordings recordings = new Recordings(folder);
        Recordings.read(recordings.sampleFiles(Instant.MIN, Instant.MAX), Instant.MIN, Instant.MAX, samples::add, bytes -> { });
        return samples;
    }

    private static void until(java.util.function.BooleanSupplier condition, String what) throws InterruptedException {
        long end = System.currentTimeMillis() + DEADLINE_MILLIS;
        while (!condition.getAsBoolean()) {
            assertTrue(System.currentTimeMillis() < end, "never " + what);
            Thread.sleep(10); // the writer's own thread: poll its counters
        }
    }

    @Test
    void everyQueuedSampleIsInTheFileInOrderAndFlushedWithinTheInterval() throws Exception {
        RecordingQueue queue = new RecordingQueue(1_000_000);
        RecordingWriter writer = new RecordingWriter(queue, folder, 50, false, log.logger());
        Thread thread = new Thread(writer);
        thread.start();
        for (int i = 0; i < 100; i++) {
            assertTrue(queue.offer(Kind.SAMPLES, batch(i * 1000, 1000)));
        }
        // readable while the writer still runs: flushed, not only closed
        until(() -> {
            try {
                return readAll(folder).size() == 100_000;
            } catch (IOException e) {
                return false;
            }
        }, "all 100 000 samples readable before the writer stopped");
        writer.stop();
        thread.join(DEADLINE_MILLIS);
        List<Sample> samples = readAll(folder);
        for (int i = 0; i < samples.size(); i++) {
            assertEquals(i, samples.get(i).sequence().getAsLong());
        }
        assertEquals(100_000, writer.written(Kind.SAMPLES));
    }

    @Test
    void stoppingWritesWhatWaits() throws Exception {
        RecordingQueue queue = new RecordingQueue(1_000_000);
        RecordingWriter writer = new RecordingWriter(queue, folder, 60_000, false, log.logger());
        queue.offer(Kind.SAMPLES, batch(0, 5000));
        writer.stop();
        Thread thread = new Thread(writer);
        thread.start();
        thread.join(DEADLINE_MILLIS);
        assertEquals(5000, readAll(folder).size());
    }

    @Test
    void aFullQueueRefusesAndCounts() {
        RecordingQueue queue = new RecordingQueue(1500);
        assertTrue(queue.offer(Kind.SAMPLES, batch(0, 1000)));
        assertFalse(queue.offer(Kind.SAMPLES, batch(0, 1000)));
        assertEquals(1000, queue.dropped());
        assertEquals(1000, queue.items());
    }

    @Test
    void aTornFileFromACrashGetsANewPartAndBothRead() throws Exception {
        RecordingQueue queue = new RecordingQueue(1_000_000);
        RecordingWriter first = new RecordingWriter(queue, folder, 10, false, log.logger());
        queue.offer(Kind.SAMPLES, batch(0, 10));
        first.stop();
        first.run();
        Path file;
        try (var files = Files.list(folder)) {
            file = files.findFirst().orElseThrow();
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.truncate(Files.size(file) - 5);
        }
        RecordingWriter second = new RecordingWriter(queue, folder, 10, false, log.logger());
        queue.offer(Kind.SAMPLES, batch(10, 10));
        second.stop();
        second.run();
        List<RecordingFile> files = new Recordings(folder).files();
        assertEquals(2, files.size(), files.toString());
        assertEquals(2, files.get(1).part());
        List<Sample> samples = readAll(folder);
        assertEquals(19, samples.size(), "9 whole before the cut, 10 after");
        assertEquals(1, log.count("warn"), log.lines.toString());
    }

    @Test
    void anUnwritableFolderIsReportedOnceAndRecordingResumesWhenItIsWritable() throws Exception {
        Path blocked = folder.resolve("recordings");
        Files.writeString(blocked, "a file where the folder should be");
        RecordingQueue queue = new RecordingQueue(1_000_000);
        RecordingWriter writer = new RecordingWriter(queue, blocked, 20, false, log.logger());
        Thread thread = new Thread(writer);
        thread.start();
        try {
            for (int i = 0; i < 5; i++) {
                queue.offer(Kind.SAMPLES, batch(i * 10, 10));
            }
            until(() -> writer.failedItems() == 50, "the 50 samples counted as dropped");
            assertFalse(writer.problem().isEmpty());
            assertEquals(1, log.count("error"), log.lines.toString());

            Files.delete(blocked);
            long end = System.currentTimeMillis() + DEADLINE_MILLIS;
            int sent = 0;
            while (writer.written(Kind.SAMPLES) == 0) {
                assertTrue(System.currentTimeMillis() < end, "never recovered: " + writer.problem());
                queue.offer(Kind.SAMPLES, batch(1000 + sent, 1));
                sent++;
                Thread.sleep(50); // feeding the writer until its retry time comes
            }
            until(() -> writer.problem().isEmpty(), "the problem cleared");
            assertTrue(log.lines.stream().anyMatch(line -> line.startsWith("info ") && line.contains("again")), log.lines.toString());
        } finally {
            writer.stop();
            thread.join(DEADLINE_MILLIS);
        }
        assertFalse(readAll(blocked).isEmpty());
    }
}
