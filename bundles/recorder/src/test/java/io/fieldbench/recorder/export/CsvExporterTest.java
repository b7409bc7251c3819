package io.fieldbench.recorder.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.fieldbench.api.sample.Sample;
import io.fieldbench.recorder.format.RecordFileWriter;
import io.fieldbench.recorder.format.RecordFormat.Kind;
import io.fieldbench.recorder.format.RecordingFile;
import io.fieldbench.recorder.format.Recordings;
import io.fieldbench.recorder.format.SampleCodec;
import io.fieldbench.support.CsvTime;

/** CSV export: exactly the samples of the range, in both shapes, with exact values and readable local times. */
class CsvExporterTest {

    private static final Instant START = Instant.parse("2026-11-22T10:00:00Z");
    /** The bench's zone in these tests: times are written in it, with its offset. */
    private static final ZoneOffset BENCH_ZONE = ZoneOffset.ofHours(1);

    @TempDir
    Path folder;

    /** Sample i at START + i seconds, device a (even) or b (odd), channels x = i / 3 and (for a) y. */
    private void record(int count) throws IOException {
        ByteBuffer body = ByteBuffer.allocate(1024);
        LocalDate day = LocalDate.ofInstant(START, ZoneId.systemDefault());
        try (RecordFileWriter writer = RecordFileWriter.open(RecordingFile.of(folder, Kind.SAMPLES, day, 1).path(), Kind.SAMPLES)) {
            for (int i = 0; i < count; i++) {
                Map<String, Double> channels = i % 2 == 0 ? Map.of("x", i / 3.0, "y", -i * 1e-9) : Map.of("x", i / 3.0);
                Sample sample = new Sample(i % 2 == 0 ? "a" : "b", new InetSocketAddress(InetAddress.getLoopbackAddress(), 1),
                        START.plusSeconds(i).plusNanos(123_456_789), "text", OptionalLong.of(i), channels, Map.of(), 1);
                body.clear();
                SampleCodec.encode(sample, body);
                writer.append(body.flip());
            }
        }
    }

    private List<String> export(String from, String to, List<String> devices, List<String> channels, ExportRequest.Format format)
            throws IOException {
        Path target = folder.resolve("out.csv");
        var request = new ExportRequest(devices, channels, TimeRange.parse(from, to, START, ZoneOffset.UTC), target, format);
        double[] last = {-1};
        new CsvExporter(new Recordings(folder), BENCH_ZONE).export(request, p -> {
            assertTrue(p >= last[0] - 1e-9, "progress goes forward");
            last[0] = p;
        }, () -> false);
        assertEquals(1.0, last[0]);
        return Files.readAllLines(target);
    }

    @Test
    void aRangeHoldsExactlyItsSamplesFromIncludedToExcluded() throws IOException {
        record(100);
        List<String> lines = export("2026-11-22T10:00:10Z", "2026-11-22T10:00:20Z", List.of(), List.of(), ExportRequest.Format.WIDE);
        assertEquals("time,epoch_ms,device,x,y", lines.get(0));
        assertEquals(11, lines.size(), lines.toString());
        assertEquals("2026-11-22T11:00:10.123+01:00," + (START.plusSeconds(10).toEpochMilli() + 123) + ",a," + 10 / 3.0 + ","
                + -10 * 1e-9, lines.get(1), "local time with the offset, to the millisecond; epoch_ms for tools");
        assertEquals("2026-11-22T11:00:19.123+01:00," + (START.plusSeconds(19).toEpochMilli() + 123) + ",b," + 19 / 3.0 + ",",
                lines.get(10));
    }

    @Test
    void aWrittenTimeIsReadBackAsARangeEnd() {
        Instant at = START.plusNanos(123_456_789);
        String written = new CsvTime(BENCH_ZONE).text(at);
        assertEquals("2026-11-22T11:00:00.123+01:00", written);
        assertEquals(START.plusMillis(123), TimeRange.end(written, Instant.MIN, START, ZoneOffset.UTC));
    }

    @Test
    void aNewExportGoesToTheDataFolderNamedByTheTime() {
        Path data = folder.resolve("data");
        assertEquals(data.resolve("export-2026-11-22-110000.csv"), ExportFolder.newFile(data, START, BENCH_ZONE));
    }

    @Test
    void valuesReadBackAsTheRecordedDoubles() throws IOException {
        record(30);
        List<String> lines = export("", "", List.of("a"), List.of("x"), ExportRequest.Format.WIDE);
        assertEquals(16, lines.size());
        for (int row = 1; row < lines.size(); row++) {
            int i = (row - 1) * 2;
            assertEquals(i / 3.0, Double.parseDouble(lines.get(row).split(",")[3]));
        }
    }

    @Test
    void theLongFormatHasOneRowPerValue() throws IOException {
        record(4);
        List<String> lines = export("", "", List.of(), List.of(), ExportRequest.Format.LONG);
        assertEquals("time,epoch_ms,device,channel,value", lines.get(0));
        assertEquals(1 + 2 + 1 + 2 + 1, lines.size(), lines.toString());
        assertTrue(lines.get(2).endsWith(",a,y,0.0"), lines.get(2));
        assertTrue(lines.get(3).endsWith(",b,x," + 1 / 3.0), lines.get(3));
    }

    @Test
    void relativeAndLocalTimesAndBadOnes() {
        Instant now = Instant.parse("2026-11-22T10:00:00Z");
        assertEquals(now.minusSeconds(600), TimeRange.end("-10m", Instant.MIN, now, ZoneOffset.UTC));
        assertEquals(now.minusSeconds(7200), TimeRange.end("-2h", Instant.MIN, now, ZoneOffset.UTC));
        assertEquals(Instant.parse("2026-11-22T09:00:00Z"), TimeRange.end("2026-11-22T10:00:00+01:00", Instant.MIN, now, ZoneOffset.UTC));
        assertEquals(Instant.parse("2026-11-22T08:00:00Z"), TimeRange.end("2026-11-22T10:00", Instant.MIN, now, ZoneOffset.ofHours(2)));
        assertEquals(Instant.MAX, TimeRange.end("", Instant.MAX, now, ZoneOffset.UTC));
        assertThrows(IllegalArgumentException.class, () -> TimeRange.end("yesterday", Instant.MIN, now, ZoneOffset.UTC));
    }

    @Test
    void aCancelledExportLeavesNoFile() throws IOException {
        record(10);
        Path target = folder.resolve("cancelled.csv");
        var request = new ExportRequest(List.of(), List.of("x"), TimeRange.ALL, target, ExportRequest.Format.WIDE);
        assertThrows(IOException.class, () -> new CsvExporter(new Recordings(folder), BENCH_ZONE).export(request, p -> { }, () -> true));
        assertTrue(Files.notExists(target));
        assertTrue(Files.notExists(folder.resolve("cancelled.csv.partial")));
    }
}
