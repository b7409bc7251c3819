package io.fieldbench.imagerelay.format;

import io.netty.buffer.ByteBuf;

/**
 * GIF: the header with the logical screen size, an optional global colour table, then extension
 * and image blocks (their data in sub-blocks of at most 255 bytes) to the trailer byte.
 */
final class GifLayout extends ImageLayout {

    private static final int HEADER_LENGTH = 13;
    private static final int IMAGE_DESCRIPTOR_LENGTH = 10;
    private static final int EXTENSION = 0x21;
    private static final int IMAGE = 0x2C;
    private static final int TRAILER = 0x3B;
    private static final int COLOUR_TABLE_FLAG = 0x80;

    GifLayout() {
        super("GIF", "its trailer (3B)");
    }

    @Override
    boolean recognises(ByteBuf bytes) {
        return MagicNumber.at(bytes, 0, "GIF87a") || MagicNumber.at(bytes, 0, "GIF89a");
    }

    @Override
    ImageInfo header(HeaderBytes in) throws NotAnImageException {
        return new ImageInfo("image/gif", "gif", in.u16le(6), in.u16le(8));
    }

    @Override
    void checkComplete(HeaderBytes in) throws NotAnImageException {
        long at = HEADER_LENGTH + colourTableLength(in.u8(10));
        boolean image = false;
        while (true) {
            int block = in.u8(at);
            if (block == TRAILER) {
                if (!image) {
                    throw in.broken("it has no image in it");
                }
                return;
            } else if (block == EXTENSION) {
                at = afterSubBlocks(in, at + 2);
            } else if (block == IMAGE) {
                long table = colourTableLength(in.u8(at + IMAGE_DESCRIPTOR_LENGTH - 1));
                // one byte of LZW code size precedes the image's data
                at = afterSubBlocks(in, at + IMAGE_DESCRIPTOR_LENGTH + table + 1);
                image = true;
            } else {
                throw in.broken(String.format("unexpected block %02X at byte %d", block, at));
            }
        }
    }

    private static long colourTableLength(int flags) {
        return (flags & COLOUR_TABLE_FLAG) == 0 ? 0 : 3L << ((flags & 0x07) + 1);
    }

    private static long afterSubBlocks(HeaderBytes in, long from) throws NotAnImageException {
        long at = from;
        int size;
        while ((size = in.u8(at)) != 0) {
            at += 1 + size;
        }
        return at + 1;
    }
}
