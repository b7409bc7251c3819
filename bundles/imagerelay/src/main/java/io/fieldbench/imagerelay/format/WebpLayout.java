package io.fieldbench.imagerelay.format;

import io.netty.buffer.ByteBuf;

/**
 * WebP: a RIFF container of type WEBP whose size must match the bytes, its first chunk VP8
 * (lossy), VP8L (lossless) or VP8X (extended) with the dimensions, and chunks that fill the
 * container exactly (each padded to an even length).
 */
final class WebpLayout extends ImageLayout {

    /** "RIFF", the size, "WEBP". */
    private static final int RIFF_HEADER_LENGTH = 12;
    /** Fourcc and size before each chunk's data. */
    private static final int CHUNK_HEADER_LENGTH = 8;
    private static final int FIRST_CHUNK_DATA = RIFF_HEADER_LENGTH + CHUNK_HEADER_LENGTH;
    private static final int VP8L_SIGNATURE = 0x2F;
    private static final int FOURTEEN_BITS = 0x3FFF;

    WebpLayout() {
        super("WebP", "the length its RIFF header gives");
    }

    @Override
    boolean recognises(ByteBuf bytes) {
        return MagicNumber.at(bytes, 0, "RIFF") && MagicNumber.at(bytes, 8, "WEBP");
    }

    @Override
    ImageInfo header(HeaderBytes in) throws NotAnImageException {
        String chunk = in.text(RIFF_HEADER_LENGTH, 4);
        long data = FIRST_CHUNK_DATA;
        return switch (chunk) {
            case "VP8 " -> {
                if (in.u8(data + 3) != 0x9D || in.u8(data + 4) != 0x01 || in.u8(data + 5) != 0x2A) {
                    throw in.broken("its VP8 chunk lacks the start code 9D 01 2A");
                }
                yield info(in.u16le(data + 6) & FOURTEEN_BITS, in.u16le(data + 8) & FOURTEEN_BITS);
            }
            case "VP8L" -> {
                if (in.u8(data) != VP8L_SIGNATURE) {
                    throw in.broken("its VP8L chunk lacks the signature 2F");
                }
                long bits = in.u32le(data + 1);
                yield info((int) (bits & FOURTEEN_BITS) + 1, (int) (bits >> 14 & FOURTEEN_BITS) + 1);
            }
            case "VP8X" -> info(in.u24le(data + 4) + 1, in.u24le(data + 7) + 1);
            default -> throw in.broken("its first chunk is \"" + chunk.replaceAll("[^\\x20-\\x7e]", "?")
                    + "\", not VP8, VP8L or VP8X");
        };
    }

    private static ImageInfo info(int width, int height) {
        return new ImageInfo("image/webp", "webp", width, height);
    }

    @Override
    void checkComplete(HeaderBytes in) throws NotAnImageException {
        long declared = in.u32le(4) + 8;
        if (declared > in.length()) {
            throw in.truncated();
        }
        if (declared < in.length()) {
            throw in.broken("its RIFF header gives " + declared + " bytes, but " + in.length() + " came");
        }
        long at = RIFF_HEADER_LENGTH;
        while (at < declared) {
            long size = in.u32le(at + 4);
            at += CHUNK_HEADER_LENGTH + size + (size & 1);
            in.need(0, at);
        }
    }
}
