package io.fieldbench.imagerelay.format;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * Bounds-checked reads of the numbers in an image's bytes. Positions are longs because they are
 * sums of lengths read from the file; any read past the end means the file was cut short.
 */
final class HeaderBytes {

    private final byte[] bytes;
    private final ImageLayout layout;

    HeaderBytes(byte[] bytes, ImageLayout layout) {
        this.bytes = bytes;
        this.layout = layout;
    }

    int length() {
        return bytes.length;
    }

    int u8(long at) throws NotAnImageException {
        need(at, 1);
        return bytes[(int) at] & 0xff;
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
        return new String(bytes, (int) at, count, StandardCharsets.ISO_8859_1);
    }

    /** The CRC-32 of a range, as PNG checks its chunks. */
    long crc32(long at, int count) throws NotAnImageException {
        need(at, count);
        CRC32 crc = new CRC32();
        crc.update(bytes, (int) at, count);
        return crc.getValue();
    }

    void need(long at, long count) throws NotAnImageException {
        if (at < 0 || count < 0 || at + count > bytes.length) {
            throw truncated();
        }
    }

    NotAnImageException truncated() {
        return new NotAnImageException("truncated " + layout.name() + ": the file stops after " + bytes.length
                + " bytes, before " + layout.end() + "; send the whole file again");
    }

    NotAnImageException broken(String what) {
        return new NotAnImageException("broken " + layout.name() + ": " + what + "; send the original file");
    }
}
