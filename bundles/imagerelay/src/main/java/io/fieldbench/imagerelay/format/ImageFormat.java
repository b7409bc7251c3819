package io.fieldbench.imagerelay.format;

import java.util.List;

import io.netty.buffer.ByteBuf;

/**
 * Decides whether bytes are an image the relay takes: JPEG, PNG, GIF, WebP or BMP, recognised by
 * the magic number and checked by reading the header and walking the structure by hand. No pixel
 * is decoded (no ImageIO), so a decompression bomb costs nothing: its header is refused.
 */
public final class ImageFormat {

    static final String ACCEPTED = "JPEG, PNG, GIF, WebP or BMP";

    private static final List<ImageLayout> LAYOUTS = List.of(new JpegLayout(), new PngLayout(), new GifLayout(),
            new WebpLayout(), new BmpLayout());

    private ImageFormat() {
    }

    /**
     * The type and size of the image in the buffer's readable bytes, read in place (the buffer's
     * indices and reference count are left as they were).
     *
     * @param maxPixels the most width × height allowed
     * @throws NotAnImageException with the one-line reason, when the bytes are not a whole image of
     *             an accepted format within the limit
     */
    public static ImageInfo inspect(ByteBuf bytes, long maxPixels) throws NotAnImageException {
        ImageLayout layout = LAYOUTS.stream().filter(l -> l.recognises(bytes)).findFirst()
                .orElseThrow(() -> new NotAnImageException(
                        "not an image: " + ForeignBytes.describe(bytes) + "; send " + ACCEPTED));
        HeaderBytes in = new HeaderBytes(bytes, layout);
        ImageInfo info = layout.header(in);
        if (info.width() <= 0 || info.height() <= 0) {
            throw in.broken("it says " + info.width() + " × " + info.height()
                    + " pixels; an image has at least one pixel each way");
        }
        if (info.pixels() > maxPixels) {
            throw new NotAnImageException(info.width() + " × " + info.height() + " pixels is more than the "
                    + maxPixels + " allowed: send a smaller image, or raise max.pixels in the image relay settings");
        }
        layout.checkComplete(in);
        return info;
    }
}
