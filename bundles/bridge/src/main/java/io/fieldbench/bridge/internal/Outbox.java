package io.fieldbench.bridge.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.CRC32;

import io.fieldbench.support.AtomicFiles;

/**
 * The publishing bench's messages on disk, numbered in order: each is appended before it is sent
 * and forgotten only once the broker acknowledged it and every one before it, so a broker that is
 * away, a lost connection or a crash of the bench loses nothing (the client library's own
 * persistence is in memory). Segment files {@code <first index>.log} of CRC-framed records; the
 * acknowledged mark in {@code acked}. A torn tail after a crash ends its segment: the next
 * start writes a new one. Past {@code maxBytes} the oldest segment is dropped and counted.
 * <p>
 * One thread uses it (the bridge's); readers may follow the writer closely.
 */
final class Outbox implements AutoCloseable {

    /** A message as kept: its number, when it was appended, where it goes. */
    record Entry(long index, long time, String topic, byte[] payload) {
    }

    static final long SEGMENT_BYTES = 16 << 20;
    private static final String SUFFIX = ".log";
    private static final String ACKED = "acked";
    /** length and CRC of the body */
    private static final int HEADER = Integer.BYTES * 2;
    /** index, time, topic length */
    private static final int BODY_FIXED = Long.BYTES * 2 + Integer.BYTES;

    private final Path folder;
    private final long maxBytes;
    private final TreeMap<Long, Path> segments = new TreeMap<>();
    private long next;
    private long acked;
    private long dropped;
    private long bytes;
    private long savedMark = -1;
    private FileChannel writer;
    private long writerBytes;

    private Outbox(Path folder, long maxBytes) {
        this.folder = folder;
        this.maxBytes = maxBytes;
    }

    static Outbox open(Path folder, long maxBytes) throws IOException {
        Outbox outbox = new Outbox(Files.createDirectories(folder), maxBytes);
        outbox.load();
        return outbox;
    }

    private void load() throws IOException {
        Path mark = folder.resolve(ACKED);
        acked = Files.exists(mark) ? Long.parseLong(Files.readString(mark).trim()) : 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "*" + SUFFIX)) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                segments.put(Long.parseLong(name.substring(0, name.length() - SUFFIX.length())), file);
                bytes += Files.size(file);
            }
        }
        next = acked;
        if (!segments.isEmpty()) {
            next = Math.max(next, segments.lastKey());
            try (Reader reader = new Reader(segments.lastKey())) {
                for (Entry entry; (entry = reader.next()) != null;) {
                    next = entry.index() + 1;
                }
            }
        }
        acknowledge(acked);
    }

    /** Appends a message and hands it to the system (a crash of the bench keeps it); gives its number. */
    long append(String topic, byte[] payload, long time) throws IOException {
        if (writer == null || writerBytes >= SEGMENT_BYTES) {
            roll();
        }
        byte[] topicBytes = topic.getBytes(StandardCharsets.UTF_8);
        ByteBuffer body = ByteBuffer.allocate(BODY_FIXED + topicBytes.length + payload.length)
                .putLong(next).putLong(time).putInt(topicBytes.length).put(topicBytes).put(payload).flip();
        CRC32 crc = new CRC32();
        crc.update(body.duplicate());
        ByteBuffer record = ByteBuffer.allocate(HEADER + body.remaining())
                .putInt(body.remaining()).putInt((int) crc.getValue()).put(body).flip();
        while (record.hasRemaining()) {
            writerBytes += writer.write(record);
        }
        bytes += HEADER + body.limit();
        dropOverLimit();
        return next++;
    }

    private void roll() throws IOException {
        if (writer != null) {
            writer.close();
        }
        Path file = folder.resolve(String.format("%020d%s", next, SUFFIX));
        writer = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
        writerBytes = 0;
        segments.put(next, file);
    }

    private void dropOverLimit() throws IOException {
        while (bytes > maxBytes && segments.size() > 1) {
            Map.Entry<Long, Path> oldest = segments.firstEntry();
            long nextFirst = segments.higherKey(oldest.getKey());
            dropped += nextFirst - Math.max(oldest.getKey(), acked);
            delete(oldest.getKey());
            acked = Math.max(acked, nextFirst);
        }
    }

    /** Every message below {@code mark} was acknowledged: whole segments below it are deleted. */
    void acknowledge(long mark) throws IOException {
        acked = Math.max(acked, Math.min(mark, next));
        while (segments.size() > 1 && segments.higherKey(segments.firstKey()) <= acked) {
            delete(segments.firstKey());
        }
        if (!segments.isEmpty() && acked >= next && writer == null) {
            delete(segments.firstKey()); // from an earlier run, all acknowledged
        }
    }

    /** Keeps the acknowledged mark on disk, so a restart replays only what may be unacknowledged. */
    void saveMark() throws IOException {
        if (acked == savedMark) {
            return;
        }
        AtomicFiles.writeString(folder.resolve(ACKED), Long.toString(acked));
        savedMark = acked;
    }

    private void delete(long first) throws IOException {
        Path file = segments.remove(first);
        bytes -= Files.size(file);
        Files.deleteIfExists(file);
    }

    /** The number the next message gets. */
    long next() {
        return next;
    }

    /** Every message below this was acknowledged (or dropped). */
    long acked() {
        return acked;
    }

    /** Messages not yet acknowledged. */
    long pending() {
        return next - acked;
    }

    /** Bytes on disk, acknowledged messages in a segment still in use included. */
    long bytes() {
        return bytes;
    }

    /** Messages dropped over the size limit. */
    long dropped() {
        return dropped;
    }

    /** Reads from message {@code from} on, following what is appended later. */
    Reader readFrom(long from) {
        return new Reader(from);
    }

    @Override
    public void close() throws IOException {
        if (writer != null) {
            writer.close();
            writer = null;
        }
        saveMark();
    }

    /** Reads messages in order from one number on; {@code null} when it has read everything appended so far. */
    final class Reader implements AutoCloseable {

        private long position;
        private long segment = -1;
        private FileChannel file;
        private long offset;

        private Reader(long from) {
            this.position = from;
        }

        /** The number of the next message it gives. */
        long position() {
            return position;
        }

        Entry next() throws IOException {
            while (true) {
                if (file == null && !open()) {
                    return null;
                }
                Entry entry = readRecord();
                if (entry == null) {
                    Long later = segments.higherKey(segment);
                    if (later == null) {
                        return null; // the writer's segment: more may come
                    }
                    switchTo(later);
                    continue;
                }
                if (entry.index() >= position) {
                    position = entry.index() + 1;
                    return entry;
                }
            }
        }

        private boolean open() throws IOException {
            Map.Entry<Long, Path> start = segments.floorEntry(position);
            if (start == null) {
                start = segments.firstEntry(); // what it was to read from was dropped
            }
            if (start == null) {
                return false;
            }
            switchTo(start.getKey());
            return true;
        }

        private void switchTo(long first) throws IOException {
            close();
            segment = first;
            file = FileChannel.open(segments.get(first), StandardOpenOption.READ);
            offset = 0;
            position = Math.max(position, first);
        }

        /** The record at the offset, or null at the end of what is written (or at a torn tail). */
        private Entry readRecord() throws IOException {
            ByteBuffer header = ByteBuffer.allocate(HEADER);
            if (readFully(header, offset) < HEADER) {
                return null;
            }
            int length = header.getInt(0);
            if (length < BODY_FIXED || length > Integer.MAX_VALUE - HEADER) {
                return null;
            }
            ByteBuffer body = ByteBuffer.allocate(length);
            if (readFully(body, offset + HEADER) < length) {
                return null;
            }
            CRC32 crc = new CRC32();
            crc.update(body.flip().duplicate());
            if ((int) crc.getValue() != header.getInt(Integer.BYTES)) {
                return null;
            }
            offset += HEADER + length;
            long index = body.getLong();
            long time = body.getLong();
            byte[] topic = new byte[body.getInt()];
            body.get(topic);
            byte[] payload = new byte[body.remaining()];
            body.get(payload);
            return new Entry(index, time, new String(topic, StandardCharsets.UTF_8), payload);
        }

        private int readFully(ByteBuffer buffer, long at) throws IOException {
            int total = 0;
            while (buffer.hasRemaining()) {
                int read = file.read(buffer, at + total);
                if (read < 0) {
                    break;
                }
                total += read;
            }
            return total;
        }

        @Override
        public void close() throws IOException {
            if (file != null) {
                file.close();
                file = null;
            }
        }
    }
}
