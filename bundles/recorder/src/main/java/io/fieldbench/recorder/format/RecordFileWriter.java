package io.fieldbench.recorder.format;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32;

import io.fieldbench.recorder.format.RecordFormat.Kind;

/**
 * Appends framed records to one file. Records collect in a buffer that goes to the file when it is
 * full or on {@link #flush()}; a record never straddles two writes by choice, but a crash in a write
 * may tear one, which the reader detects by its length or CRC. Not thread-safe: one writer thread.
 */
public final class RecordFileWriter implements AutoCloseable {

    static final int BUFFER_BYTES = 256 * 1024;

    private final Path path;
    private final FileChannel channel;
    private final ByteBuffer buffer = ByteBuffer.allocate(BUFFER_BYTES);
    private final CRC32 crc = new CRC32();
    private long size;
    private int bufferedRecords;
    private long discardedRecords;

    private RecordFileWriter(Path path, FileChannel channel, long size) {
        this.path = path;
        this.channel = channel;
        this.size = size;
    }

    /**
     * Opens a new file (with its header) or a file whose last record is whole, for appending. A file
     * with a torn or corrupt tail is refused: {@link RecordFiles} then starts a new part instead,
     * so nothing once written is ever changed.
     */
    public static RecordFileWriter open(Path path, Kind kind) throws IOException {
        if (Files.exists(path) && Files.size(path) > 0) {
            RecordScan scan = RecordFileReader.scan(path, kind);
            if (!scan.clean()) {
                throw new TornFileException(path, scan);
            }
        }
        FileChannel channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        try {
            long size = channel.size();
            if (size == 0) {
                channel.write(ByteBuffer.wrap(RecordFormat.header(kind)));
                size = RecordFormat.HEADER_BYTES;
            }
            return new RecordFileWriter(path, channel, size);
        } catch (IOException e) {
            channel.close();
            throw e;
        }
    }

    /** Appends one record (in the buffer until it fills or {@link #flush()}). */
    public void append(ByteBuffer body) throws IOException {
        int length = body.remaining();
        if (length == 0 || length > RecordFormat.MAX_RECORD) {
            throw new IllegalArgumentException("record of " + length + " bytes; 1.." + RecordFormat.MAX_RECORD + " allowed");
        }
        if (buffer.remaining() < RecordFormat.FRAME_BYTES + length) {
            flush();
        }
        crc.reset();
        crc.update(body.duplicate());
        if (buffer.remaining() < RecordFormat.FRAME_BYTES + length) {
            ByteBuffer single = ByteBuffer.allocate(RecordFormat.FRAME_BYTES + length);
            single.putInt(length).putInt((int) crc.getValue()).put(body).flip();
            writeFully(single);
            return;
        }
        buffer.putInt(length).putInt((int) crc.getValue()).put(body);
        bufferedRecords++;
    }

    /**
     * Hands what is buffered to the operating system (it then survives the process being killed).
     * When that fails the buffered records are discarded and counted in {@link #discardedRecords()}.
     */
    public void flush() throws IOException {
        buffer.flip();
        try {
            writeFully(buffer);
        } catch (IOException e) {
            discardedRecords += bufferedRecords;
            throw e;
        } finally {
            buffer.clear();
            bufferedRecords = 0;
        }
    }

    /** Flushes and asks the device to store the file (survives a power cut; costs a disk sync). */
    public void sync() throws IOException {
        flush();
        channel.force(false);
    }

    private void writeFully(ByteBuffer bytes) throws IOException {
        while (bytes.hasRemaining()) {
            size += channel.write(bytes);
        }
    }

    /** The file's size, counting what was flushed. */
    public long size() {
        return size;
    }

    public Path path() {
        return path;
    }

    /**
     * Records appended but lost because a flush failed: counted whole, though a write the disk cut
     * short may have put the first of them into the file.
     */
    public long discardedRecords() {
        return discardedRecords;
    }

    /** Bytes waiting in the buffer. */
    public int buffered() {
        return buffer.position();
    }

    @Override
    public void close() throws IOException {
        try {
            flush();
        } finally {
            channel.close();
        }
    }

    /** The file's tail is torn or corrupt: appending after it would hide what follows from readers. */
    public static final class TornFileException extends IOException {
        private static final long serialVersionUID = 1L;

        TornFileException(Path path, RecordScan scan) {
            super(path + ": " + scan.problem() + " after " + scan.records() + " records");
        }
    }
}
