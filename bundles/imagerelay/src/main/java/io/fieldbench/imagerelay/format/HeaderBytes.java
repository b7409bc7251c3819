package io.fieldbench.imagerelay.format;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

import io.netty.buffer.ByteBuf;

/**
 * Bounds-checked reads of the numbers in an image's bytes. Positions are longs because they are
 * sums of lengths read from the file; any read past the end means the file was cut short. The
 * file is the buffer's readable bytes, read in place: only what the walk through the structure
 * needs is read, and the buffer's indices are left as they were.
 */
final class HeaderBytes {

    private final ByteBuf bytes;
    private final int start;
    private final int length;
    private final ImageLayout layout;

    HeaderBytes(ByteBuf bytes, ImageLayout layout) {
        this.bytes = bytes;
        this.start = bytes.readerIndex();
        this.length = bytes.readableBytes();
        this.layout = layout;
    }

    int length() {
        return length;
    }

    int u8(long at) throws NotAnImageException {
        need(at, 1);
        return bytes.getUnsignedByte(start + (int) at);
    }

    /** Where the next byte of this value is, from {@code from} on: a scan the buffer does itself, faster than byte by byte. */
    long indexOf(long from, int value) throws NotAnImageException {
        need(from, 1);
        int found = bytes.indexOf(start + (int) from, start + length, (byte) value);
        if (found < 0) {
            throw truncated();
        }
        return found - start;
    }

    int u16be(long at) throws NotAnImageException {
        return u8(at) << 8 | u8(at + 1);
    }

    int u16le(long at) throws NotAnImageException {
        return u8(at) | u8(at + 1) << 8;
    }

    int u24le(long at) throws NotAnImageException {
        return u16le(at) | u8(at + 2) << 16;
    }

    long u32be(long at) throws NotAnImageException {
        return (long) u16be(at) << 16 | u16be(at + 2);
    }

    long u32le(long at) throws NotAnImageException {
        return u16le(at) | (long) u16le(at + 2) << 16;
    }

    int s32le(long at) throws NotAnImageException {
        return (int) u32le(at);
    }

    /** The bytes as Latin-1 text, for four-letter chunk names. */
    String text(long at, int count) throws NotAnImageException {
        need(at, count);
        return bytes.toString(start + (int) at, count, StandardCharsets.ISO_8859_1);
    }

    /** The CRC-32 of a range, as PNG checks its chunks. */
    long crc32(long at, int count) throws NotAnImageException {
        need(at, count);
        CRC32 crc = new CRC32();
        crc.update(bytes.nioBuffer(start + (int) at, count));
        return crc.getValue();
    }

    void need(long at, long count) throws NotAnImageException {
        if (at < 0 || count < 0 || at + count > length) {
            throw truncated();
        }
    }

    NotAnImageException truncated() {
        return new NotAnImageException("truncated " + layout.name() + ": the file stops after " + length
                + " bytes, before " + layout.end() + "; send the whole file again");
    }

    NotAnImageException broken(String what) {
        return new NotAnImageException("broken " + layout.name() + ": " + what + "; send the original file");
    }
}
