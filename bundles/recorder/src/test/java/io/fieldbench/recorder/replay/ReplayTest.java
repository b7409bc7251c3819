package io.fieldbench.recorder.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Proxy;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

import io.fieldbench.api.sample.Sample;
import io.fieldbench.api.sample.SampleEvents;
import io.fieldbench.recorder.format.RecordFileWriter;
import io.fieldbench.recorder.format.RecordFormat.Kind;
import io.fieldbench.recorder.format.RecordingFile;
import io.fieldbench.recorder.format.SampleCodec;

/** A replay posts the recorded samples in order, marked replay, paced by the recorded times. */
class ReplayTest {

    private static final Instant START = Instant.parse("2026-11-22T10:00:00Z");

    @TempDir
    Path folder;

    private final List<Event> posted = new CopyOnWriteArrayList<>();
    private final EventAdmin events = (EventAdmin) Proxy.newProxyInstance(EventAdmin.class.getClassLoader(),
            new Class<?>[] {EventAdmin.class}, (proxy, method, args) -> {
                posted.add((Event) args[0]);
                return null;
            });

    /** Sample i at START + i * stepMillis, value i. */
    private List<RecordingFile> record(int count, long stepMillis) throws IOException {
        RecordingFile file = RecordingFile.of(folder, Kind.SAMPLES, LocalDate.ofInstant(START, ZoneId.systemDefault()), 1);
        ByteBuffer body = ByteBuffer.allocate(512);
        try (RecordFileWriter writer = RecordFileWriter.open(file.path(), Kind.SAMPLES)) {
            for (int i = 0; i < count; i++) {
                body.clear();
                SampleCodec.encode(new Sample("d", new InetSocketAddress(InetAddress.getLoopbackAddress(), 1),
                        START.plusMillis(i * stepMillis), "text", OptionalLong.of(i), Map.of("v", i * 1.5), Map.of(), 1), body);
                writer.append(body.flip());
            }
        }
        return List.of(file);
    }

    @SuppressWarnings("unchecked")
    private List<Sample> samples() {
        return posted.stream().flatMap(event -> {
            assertEquals(SampleEvents.DECODED, event.getTopic());
            assertEquals(Boolean.TRUE, event.getProperty(SampleEvents.REPLAY));
            return ((List<Sample>) event.getProperty(SampleEvents.SAMPLES)).stream();
        }).toList();
    }

    @Test
    void asFastAsPossibleReproducesEveryValueInOrder() throws IOException {
        Replay replay = new Replay(record(10_000, 1), "test", ReplaySpeed.MAX, events);
        replay.run();
        List<Sample> samples = samples();
        assertEquals(10_000, samples.size());
        for (int i = 0; i < samples.size(); i++) {
            assertEquals(i * 1.5, samples.get(i).channels().get("v"));
            assertEquals(START.plusMillis(i), samples.get(i).receivedAt());
        }
        assertEquals("finished", replay.progress().state());
        assertEquals(1.0, replay.progress().fraction());
    }

    @Test
    void tenTimesTakesATenthOfTheRecordedSpan() throws IOException {
        Replay replay = new Replay(record(51, 20), "test", ReplaySpeed.TEN_TIMES, events); // 1 s recorded
        long start = System.nanoTime();
        replay.run();
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(millis >= 95 && millis < 1000, millis + " ms for 1 s at 10x");
        assertEquals(51, samples().size());
    }

    @Test
    void pauseHoldsAndStopEnds() throws Exception {
        Replay replay = new Replay(record(1000, 10), "test", ReplaySpeed.REAL_TIME, events); // 10 s recorded
        Thread thread = new Thread(replay);
        thread.start();
        replay.pause(true);
        assertEquals("paused", replay.progress().state());
        long held = replay.progress().samples();
        thread.join(200); // a paused replay posts nothing while we wait
        assertTrue(replay.progress().samples() <= held + Replay.MAX_BATCH, "at most the batch on its way when paused");
        replay.pause(false);
        replay.stop();
        thread.join(5000);
        assertEquals("stopped", replay.progress().state());
        assertTrue(samples().size() < 1000);
    }
}
