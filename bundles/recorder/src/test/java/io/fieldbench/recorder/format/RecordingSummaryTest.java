package io.fieldbench.recorder.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.fieldbench.recorder.format.RecordFormat.Kind;

/** A summary follows a growing file: what was appended is added, an unchanged file is not read again. */
class RecordingSummaryTest {

    @TempDir
    Path folder;

    private void append(RecordingFile file, int from, int count) throws IOException {
        ByteBuffer body = ByteBuffer.allocate(4096);
        try (RecordFileWriter writer = RecordFileWriter.open(file.path(), Kind.SAMPLES)) {
            for (int i = from; i < from + count; i++) {
                body.clear();
                SampleCodec.encode(RecordFileTest.sample(i), body);
                writer.append(body.flip());
            }
        }
    }

    @Test
    void aGrownFileIsReadOnFromWhereItsSummaryEnded() throws IOException {
        RecordingFile file = RecordingFile.of(folder, Kind.SAMPLES, LocalDate.of(2026, 11, 22), 1);
        append(file, 0, 2);
        RecordingSummary before = RecordingSummary.of(file, ZoneId.systemDefault());
        assertEquals(2, before.records());
        assertEquals(Set.of("dev0", "dev1"), before.devices());
        assertSame(before, before.updated(), "unchanged: not read again");

        append(file, 2, 5);
        RecordingSummary after = before.updated();
        assertEquals(RecordingSummary.of(file, ZoneId.systemDefault()), after, "the same as reading it whole");
        assertEquals(7, after.records());
        assertEquals(Set.of("dev0", "dev1", "dev2"), after.devices());
        assertEquals(Optional.of(RecordFileTest.sample(0).receivedAt()), after.first());
        assertEquals(Optional.of(RecordFileTest.sample(6).receivedAt()), after.last());
    }
}
