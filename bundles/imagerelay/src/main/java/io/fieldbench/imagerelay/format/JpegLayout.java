package io.fieldbench.imagerelay.format;

import io.netty.buffer.ByteBuf;

/**
 * JPEG: the start-of-image marker, then segments each with its length, the frame header (SOFn)
 * with the dimensions, scans of entropy-coded data, and the end-of-image marker. The whole file is
 * walked to that marker, so an upload cut short is refused; bytes after it are allowed, as phones
 * append data there (motion photos, maker trailers).
 */
final class JpegLayout extends ImageLayout {

    private static final int MARKER = 0xFF;
    private static final int STUFFED_ZERO = 0x00;
    private static final int TEM = 0x01;
    private static final int RST0 = 0xD0;
    private static final int RST7 = 0xD7;
    private static final int SOI = 0xD8;
    private static final int EOI = 0xD9;
    private static final int SOS = 0xDA;
    private static final int SOF_LENGTH = 8;

    JpegLayout() {
        super("JPEG", "its end-of-image marker (FF D9)");
    }

    @Override
    boolean recognises(ByteBuf bytes) {
        return MagicNumber.at(bytes, 0, "\u00ff\u00d8\u00ff");
    }

    @Override
    ImageInfo header(HeaderBytes in) throws NotAnImageException {
        return walk(in, false);
    }

    @Override
    void checkComplete(HeaderBytes in) throws NotAnImageException {
        walk(in, true);
    }

    /** Walks the segments to the frame header, or on to the end-of-image marker; answers the frame. */
    private static ImageInfo walk(HeaderBytes in, boolean toEnd) throws NotAnImageException {
        ImageInfo frame = null;
        long at = 2;
        boolean scanFollows = false;
        while (true) {
            if (scanFollows) {
                at = nextMarker(in, at);
                scanFollows = false;
            }
            if (in.u8(at) != MARKER) {
                throw in.broken(String.format("no marker at byte %d (found %02X)", at, in.u8(at)));
            }
            while (in.u8(at + 1) == MARKER) {
                at++; // fill bytes may pad a marker
            }
            int marker = in.u8(at + 1);
            long segment = at + 2;
            if (marker == EOI) {
                if (frame == null) {
                    throw in.broken("it ends before its frame header (SOF)");
                }
                return frame;
            }
            if (marker == TEM || marker >= RST0 && marker <= RST7) {
                at = segment;
                continue;
            }
            if (marker == SOI || marker == STUFFED_ZERO) {
                throw in.broken(String.format("unexpected marker %02X at byte %d", marker, at));
            }
            int length = in.u16be(segment);
            if (length < 2 || isFrame(marker) && length < SOF_LENGTH) {
                throw in.broken(String.format("segment %02X at byte %d has a length of %d", marker, at, length));
            }
            in.need(segment, length);
            if (isFrame(marker) && frame == null) {
                frame = new ImageInfo("image/jpeg", "jpg", in.u16be(segment + 5), in.u16be(segment + 3));
                if (!toEnd) {
                    return frame;
                }
            }
            if (marker == SOS) {
                if (frame == null) {
                    throw in.broken("scan data comes before the frame header (SOF)");
                }
                scanFollows = true;
            }
            at = segment + length;
        }
    }

    /** SOF0–SOF15, less the three markers in that range that are not frames (DHT, JPG, DAC). */
    private static boolean isFrame(int marker) {
        return marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
    }

    /**
     * Skips entropy-coded data to the next marker: inside it an FF is followed by a stuffed zero
     * or a restart marker, so any other FF xx ends the scan.
     */
    private static long nextMarker(HeaderBytes in, long from) throws NotAnImageException {
        long at = from;
        while (true) {
            at = in.indexOf(at, MARKER);
            int next = in.u8(at + 1);
            if (next == MARKER) {
                at++;
            } else if (next == STUFFED_ZERO || next >= RST0 && next <= RST7) {
                at += 2;
            } else {
                return at;
            }
        }
    }
}
