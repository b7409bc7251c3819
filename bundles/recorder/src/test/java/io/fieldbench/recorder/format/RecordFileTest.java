package io.fieldbench.recorder.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
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

import io.fieldbench.api.sample.Datagram;
import io.fieldbench.api.sample.Sample;
import io.fieldbench.recorder.format.RecordFormat.Kind;

/** The file format: round trips, and the damage a crash can do is found and read around. */
class RecordFileTest {

    @TempDir
    Path folder;

    static Sample sample(int i) throws IOException {
        return new Sample("dev" + (i % 3), new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 40000 + i),
                Instant.ofEpochSecond(1_790_000_000L + i, 123_456_789), "text", i % 2 == 0 ? OptionalLong.of(i) : OptionalLong.empty(),
                Map.of("temp", 20.5 + i / 7.0, "hum", -0.1 * i, "x", Double.MIN_VALUE), Map.of("unit", "°C"), 40 + i);
    }

    private Path write(int count) throws IOException {
        Path file = folder.resolve("samples-2026-11-22.fbr");
        ByteBuffer body = ByteBuffer.allocate(4096);
        try (RecordFileWriter writer = RecordFileWriter.open(file, Kind.SAMPLES)) {
            for (int i = 0; i < count; i++) {
                body.clear();
                SampleCodec.encode(sample(i), body);
                writer.append(body.flip());
            }
        }
        return file;
    }

    private static List<Sample> read(Path file, RecordScan[] scan) throws IOException {
        List<Sample> samples = new ArrayList<>();
        scan[0] = RecordFileReader.read(file, Kind.SAMPLES, (body, end) -> samples.add(SampleCodec.decode(body)));
        return samples;
    }

    @Test
    void everySampleReadsBackEqual() throws IOException {
        Path file = write(1000);
        RecordScan[] scan = new RecordScan[1];
        List<Sample> samples = read(file, scan);
        assertTrue(scan[0].clean(), scan[0].toString());
        assertEquals(1000, samples.size());
        for (int i = 0; i < 1000; i++) {
            assertEquals(sample(i), samples.get(i));
        }
    }

    @Test
    void aDatagramReadsBackEqual() throws IOException {
        Datagram datagram = new Datagram(new InetSocketAddress(InetAddress.getByName("::1"), 9), Instant.ofEpochSecond(5, 6),
                new byte[] {0, 1, (byte) 0xFF}, "no decoder");
        ByteBuffer body = ByteBuffer.allocate(256);
        DatagramCodec.encode(datagram, body);
        Datagram back = DatagramCodec.decode(body.flip());
        assertEquals(datagram.source(), back.source());
        assertEquals(datagram.receivedAt(), back.receivedAt());
        assertEquals(List.of((byte) 0, (byte) 1, (byte) 0xFF), List.of(back.payload()[0], back.payload()[1], back.payload()[2]));
        assertEquals("no decoder", back.problem());
    }

    @Test
    void aTornTailIsFoundAndEverythingBeforeItReads() throws IOException {
        Path file = write(100);
        long size = Files.size(file);
        for (long cut : new long[] {size - 1, size - 30, size - 90}) {
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
                channel.truncate(cut);
            }
            RecordScan[] scan = new RecordScan[1];
            List<Sample> samples = read(file, scan);
            assertFalse(scan[0].clean());
            assertTrue(scan[0].problem().startsWith("torn tail"), scan[0].problem());
            assertEquals(samples.size(), scan[0].records());
            assertTrue(samples.size() >= 98 && samples.size() < 100, samples.size() + " read of the cut file");
            for (int i = 0; i < samples.size(); i++) {
                assertEquals(sample(i), samples.get(i));
            }
        }
    }

    @Test
    void aFlippedBitStopsReadingAtItsRecord() throws IOException {
        Path file = write(10);
        try (RandomAccessFile raw = new RandomAccessFile(file.toFile(), "rw")) {
            long at = raw.length() - 20; // inside the last record's body
            raw.seek(at);
            int b = raw.read();
            raw.seek(at);
            raw.write(b ^ 0x10);
        }
        RecordScan[] scan = new RecordScan[1];
        List<Sample> samples = read(file, scan);
        assertEquals(9, samples.size());
        assertTrue(scan[0].problem().startsWith("CRC mismatch"), scan[0].problem());
    }

    @Test
    void theWriterRefusesToAppendAfterATornTail() throws IOException {
        Path file = write(5);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.truncate(Files.size(file) - 3);
        }
        assertThrows(RecordFileWriter.TornFileException.class, () -> RecordFileWriter.open(file, Kind.SAMPLES));
    }

    @Test
    void aCleanFileIsAppendedTo() throws IOException {
        Path file = write(5);
        write(5);
        RecordScan[] scan = new RecordScan[1];
        assertEquals(10, read(file, scan).size());
        assertTrue(scan[0].clean());
    }

    @Test
    void aFileOfAnotherKindOrNoRecordingReadsAsNothing() throws IOException {
        Path file = write(3);
        assertEquals(0, RecordFileReader.scan(file, Kind.DATAGRAMS).records());
        Path text = Files.writeString(folder.resolve("other.fbr"), "hello, this is not a recording");
        assertEquals("not a recording", RecordFileReader.scan(text, Kind.SAMPLES).problem());
    }

    @Test
    void fileNamesParseBack() {
        RecordingFile part = RecordingFile.of(folder, Kind.SAMPLES, java.time.LocalDate.of(2026, 11, 22), 3);
        assertEquals("samples-2026-11-22.3.fbr", part.path().getFileName().toString());
        assertEquals(part, RecordingFile.parse(part.path()).orElseThrow());
        assertTrue(RecordingFile.parse(folder.resolve("samples-2026-11-22.fbr.partial")).isEmpty());
    }
}
