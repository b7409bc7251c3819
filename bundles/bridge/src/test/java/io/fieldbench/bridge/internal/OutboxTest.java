package io.fieldbench.bridge.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutboxTest {

    @TempDir
    Path folder;

    @Test
    void aReaderGetsEveryMessageInOrderAndFollowsTheWriter() throws IOException {
        try (Outbox outbox = Outbox.open(folder, 1L << 30); Outbox.Reader reader = outbox.readFrom(0)) {
            outbox.append("t/a", bytes("one"), 1);
            assertEquals("one", text(reader.next()));
            assertNull(reader.next(), "nothing more yet");

            outbox.append("t/b", bytes("two"), 2);
            Outbox.Entry two = reader.next();
            assertEquals(1, two.index());
            assertEquals("t/b", two.topic());
            assertEquals(2, two.time());
            assertEquals("two", text(two));
        }
    }

    @Test
    void whatWasNotAcknowledgedIsThereAfterARestart() throws IOException {
        try (Outbox outbox = Outbox.open(folder, 1L << 30)) {
            for (int i = 0; i < 10; i++) {
                outbox.append("t", bytes("m" + i), i);
            }
            outbox.acknowledge(4);
        }
        try (Outbox again = Outbox.open(folder, 1L << 30); Outbox.Reader reader = again.readFrom(again.acked())) {
            assertEquals(6, again.pending());
            assertEquals(List.of("m4", "m5", "m6", "m7", "m8", "m9"), texts(reader));
            assertEquals(10, again.append("t", bytes("m10"), 10), "numbers go on");
        }
    }

    @Test
    void aTornTailAfterACrashEndsItsSegmentAndWritingGoesOnInANewOne() throws IOException {
        try (Outbox outbox = Outbox.open(folder, 1L << 30)) {
            outbox.append("t", bytes("whole"), 1);
        }
        Path segment = segments().get(0);
        Files.write(segment, new byte[] {0, 0, 0, 40, 1, 2}, StandardOpenOption.APPEND); // half a record

        try (Outbox again = Outbox.open(folder, 1L << 30)) {
            again.append("t", bytes("after"), 2);
            try (Outbox.Reader reader = again.readFrom(0)) {
                assertEquals(List.of("whole", "after"), texts(reader));
            }
            assertEquals(2, segments().size(), "the torn segment is never appended to");
        }
    }

    @Test
    void pastTheLimitTheOldestSegmentIsDroppedAndCounted() throws IOException {
        byte[] big = new byte[1 << 20];
        try (Outbox outbox = Outbox.open(folder, 2 * Outbox.SEGMENT_BYTES)) {
            for (int i = 0; i < 40; i++) {
                outbox.append("t", big, i);
            }
            assertTrue(outbox.dropped() > 0, "some dropped");
            assertTrue(outbox.bytes() <= 2 * Outbox.SEGMENT_BYTES + big.length + 100, "within the limit: " + outbox.bytes());
            assertEquals(40, outbox.pending() + outbox.dropped(), "every message either waits or was counted as dropped");
        }
    }

    @Test
    void acknowledgedSegmentsAreDeleted() throws IOException {
        byte[] big = new byte[1 << 20];
        try (Outbox outbox = Outbox.open(folder, 1L << 30)) {
            for (int i = 0; i < 40; i++) {
                outbox.append("t", big, i);
            }
            assertTrue(segments().size() >= 2);
            outbox.acknowledge(40);
            assertEquals(1, segments().size(), "only the segment being written");
            assertEquals(0, outbox.pending());
        }
    }

    private List<Path> segments() throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(file -> file.toString().endsWith(".log")).sorted().toList();
        }
    }

    private static List<String> texts(Outbox.Reader reader) throws IOException {
        List<String> texts = new ArrayList<>();
        for (Outbox.Entry entry; (entry = reader.next()) != null;) {
            texts.add(text(entry));
        }
        return texts;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(Outbox.Entry entry) {
        return new String(entry.payload(), StandardCharsets.UTF_8);
    }
}
