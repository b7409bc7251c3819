package io.fieldbench.recorder.format;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.CRC32;

import io.fieldbench.recorder.format.RecordFormat.Kind;

/**
 * Reads the records of one file in order and stops at the first one that is torn or corrupt, so a
 * file a crash cut short reads as everything before the cut. Never throws for damage in the file;
 * only for a file that cannot be opened or read at all.
 */
public final class RecordFileReader {

    static final int READ_BUFFER_BYTES = 256 * 1024;

    /** Takes each good record's body; the buffer is valid only during the call. */
    @FunctionalInterface
    public interface RecordVisitor {
        /** @return false to stop reading */
        boolean record(ByteBuffer body, long endOffset) throws IOException;
    }

    private RecordFileReader() {
    }

    /** Counts the good records and finds where they end. */
    public static RecordScan scan(Path path, Kind kind) throws IOException {
        return read(path, kind, (body, end) -> true);
    }

    /** Passes each good record to the visitor, in file order. */
    public static RecordScan read(Path path, Kind kind, RecordVisitor visitor) throws IOException {
        return readFrom(path, kind, RecordFormat.HEADER_BYTES, visitor);
    }

    /**
     * Passes each good record from {@code offset} on (where an earlier read's good records ended)
     * to the visitor: a growing file is read on rather than again. The scan counts only these records.
     */
    public static RecordScan readFrom(Path path, Kind kind, long offset, RecordVisitor visitor) throws IOException {
        long fileBytes = Files.size(path);
        try (InputStream file = Files.newInputStream(path);
                DataInputStream in = new DataInputStream(new BufferedInputStream(file, READ_BUFFER_BYTES))) {
            byte[] header = new byte[RecordFormat.HEADER_BYTES];
            int got = in.readNBytes(header, 0, header.length);
            if (got < header.length) {
                return new RecordScan(0, 0, fileBytes, got == 0 ? "" : "torn header");
            }
            if (!Arrays.equals(header, 0, RecordFormat.MAGIC.length, RecordFormat.MAGIC, 0, RecordFormat.MAGIC.length)) {
                return new RecordScan(0, 0, fileBytes, "not a recording");
            }
            if (header[5] != RecordFormat.VERSION || RecordFormat.Kind.of(header[6]) != kind) {
                return new RecordScan(0, 0, fileBytes, "version " + header[5] + " kind " + (char) header[6]
                        + " where version " + RecordFormat.VERSION + " kind " + (char) kind.code + " was expected");
            }
            in.skipNBytes(offset - RecordFormat.HEADER_BYTES);
            return records(in, offset, fileBytes, visitor);
        }
    }

    private static RecordScan records(DataInputStream in, long start, long fileBytes, RecordVisitor visitor) throws IOException {
        CRC32 crc = new CRC32();
        byte[] body = new byte[4096];
        long offset = start;
        long records = 0;
        while (offset < fileBytes) {
            if (fileBytes - offset < RecordFormat.FRAME_BYTES) {
                return new RecordScan(records, offset, fileBytes, "torn tail: " + (fileBytes - offset) + " bytes of a record frame");
            }
            int length;
            int expected;
            try {
                length = in.readInt();
                expected = in.readInt();
            } catch (EOFException e) {
                return new RecordScan(records, offset, fileBytes, "torn tail: the file shrank while read");
            }
            if (length <= 0 || length > RecordFormat.MAX_RECORD) {
                return new RecordScan(records, offset, fileBytes, "bad record length " + length + " at byte " + offset);
            }
            if (fileBytes - offset - RecordFormat.FRAME_BYTES < length) {
                return new RecordScan(records, offset, fileBytes, "torn tail: a record of " + length + " bytes cut short at byte " + offset);
            }
            if (body.length < length) {
                body = new byte[Math.max(length, body.length * 2)];
            }
            in.readFully(body, 0, length);
            crc.reset();
            crc.update(body, 0, length);
            if ((int) crc.getValue() != expected) {
                return new RecordScan(records, offset, fileBytes, "CRC mismatch in the record at byte " + offset);
            }
            offset += RecordFormat.FRAME_BYTES + length;
            records++;
            if (!visitor.record(ByteBuffer.wrap(body, 0, length), offset)) {
                return new RecordScan(records, offset, fileBytes, "");
            }
        }
        return new RecordScan(records, offset, fileBytes, "");
    }
}
