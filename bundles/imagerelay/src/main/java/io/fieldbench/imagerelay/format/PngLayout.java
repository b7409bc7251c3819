package io.fieldbench.imagerelay.format;

import io.netty.buffer.ByteBuf;

/**
 * PNG: the signature, the IHDR chunk first (its CRC checked, as the dimensions come from it),
 * then chunks each with its length, to the IEND chunk.
 */
final class PngLayout extends ImageLayout {

    private static final String SIGNATURE = "\u0089PNG\r\n\u001a\n";
    private static final int IHDR_DATA_LENGTH = 13;
    /** Length, type and CRC around every chunk's data. */
    private static final int CHUNK_OVERHEAD = 12;
    private static final int FIRST_CHUNK = SIGNATURE.length();

    PngLayout() {
        super("PNG", "its IEND chunk");
    }

    @Override
    boolean recognises(ByteBuf bytes) {
        return MagicNumber.at(bytes, 0, SIGNATURE);
    }

    @Override
    ImageInfo header(HeaderBytes in) throws NotAnImageException {
        long length = in.u32be(FIRST_CHUNK);
        String type = in.text(FIRST_CHUNK + 4, 4);
        if (!type.equals("IHDR") || length != IHDR_DATA_LENGTH) {
            throw in.broken("the first chunk must be IHDR of 13 bytes, not " + printable(type) + " of " + length);
        }
        long data = FIRST_CHUNK + 8;
        if (in.crc32(FIRST_CHUNK + 4, 4 + IHDR_DATA_LENGTH) != in.u32be(data + IHDR_DATA_LENGTH)) {
            throw in.broken("the checksum (CRC) of its IHDR header is wrong");
        }
        long width = in.u32be(data);
        long height = in.u32be(data + 4);
        if (width > Integer.MAX_VALUE || height > Integer.MAX_VALUE) {
            throw in.broken(width + " × " + height + " pixels is more than PNG allows");
        }
        return new ImageInfo("image/png", "png", (int) width, (int) height);
    }

    @Override
    void checkComplete(HeaderBytes in) throws NotAnImageException {
        boolean imageData = false;
        long at = FIRST_CHUNK;
        while (true) {
            long length = in.u32be(at);
            String type = in.text(at + 4, 4);
            if (!type.chars().allMatch(Character::isLetter)) {
                throw in.broken("no chunk at byte " + at + " (" + printable(type) + ")");
            }
            in.need(at, CHUNK_OVERHEAD + length);
            if (type.equals("IDAT")) {
                imageData = true;
            } else if (type.equals("IEND")) {
                if (!imageData) {
                    throw in.broken("it has no image data (IDAT)");
                }
                return;
            }
            at += CHUNK_OVERHEAD + length;
        }
    }

    /** A chunk type for a message, which must stay one readable line whatever the bytes were. */
    private static String printable(String type) {
        return '"' + type.replaceAll("[^\\x20-\\x7e]", "?") + '"';
    }
}
