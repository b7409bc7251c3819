package io.fieldbench.imagerelay.format;

import io.netty.buffer.ByteBuf;

/**
 * BMP: the file header (BM, the file size, where the pixels start) and an info header with the
 * dimensions (BITMAPINFOHEADER or a later version, or the old 12-byte core header); a negative
 * height means the rows run top-down. Uncompressed pixel rows must all be there.
 */
final class BmpLayout extends ImageLayout {

    private static final int FILE_HEADER_LENGTH = 14;
    private static final int CORE_HEADER_LENGTH = 12;
    private static final int INFO_HEADER_LENGTH = 40;
    private static final int BI_RGB = 0;
    private static final int BI_BITFIELDS = 3;
    private static final int BI_ALPHABITFIELDS = 6;

    BmpLayout() {
        super("BMP", "the end its header gives");
    }

    @Override
    boolean recognises(ByteBuf bytes) {
        return MagicNumber.at(bytes, 0, "BM");
    }

    @Override
    ImageInfo header(HeaderBytes in) throws NotAnImageException {
        long infoLength = in.u32le(FILE_HEADER_LENGTH);
        long width;
        long height;
        if (infoLength == CORE_HEADER_LENGTH) {
            width = in.u16le(FILE_HEADER_LENGTH + 4);
            height = in.u16le(FILE_HEADER_LENGTH + 6);
        } else if (infoLength >= INFO_HEADER_LENGTH) {
            width = in.s32le(FILE_HEADER_LENGTH + 4);
            height = Math.abs((long) in.s32le(FILE_HEADER_LENGTH + 8));
        } else {
            throw in.broken("its info header is " + infoLength + " bytes long; 12, or 40 and more, are known");
        }
        if (height > Integer.MAX_VALUE) {
            throw in.broken("its height " + height + " is more than BMP allows");
        }
        return new ImageInfo("image/bmp", "bmp", (int) width, (int) height);
    }

    @Override
    void checkComplete(HeaderBytes in) throws NotAnImageException {
        if (in.u32le(2) > in.length()) {
            throw in.truncated();
        }
        ImageInfo info = header(in);
        long pixelsStart = in.u32le(10);
        boolean core = in.u32le(FILE_HEADER_LENGTH) == CORE_HEADER_LENGTH;
        int bitsPerPixel = in.u16le(FILE_HEADER_LENGTH + (core ? 10 : 14));
        long compression = core ? BI_RGB : in.u32le(FILE_HEADER_LENGTH + 16);
        boolean uncompressed = compression == BI_RGB || compression == BI_BITFIELDS || compression == BI_ALPHABITFIELDS;
        if (uncompressed && bitsPerPixel > 0 && bitsPerPixel <= 32) {
            // rows are padded to whole 32-bit words
            long rowBytes = ((long) bitsPerPixel * info.width() + 31) / 32 * 4;
            // divided, not multiplied: without a pixel limit the product could overflow
            if (pixelsStart > in.length() || rowBytes > (in.length() - pixelsStart) / info.height()) {
                throw in.truncated();
            }
        } else {
            in.need(pixelsStart, 1);
        }
    }
}
