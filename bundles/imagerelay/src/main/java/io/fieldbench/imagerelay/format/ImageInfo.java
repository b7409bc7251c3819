package io.fieldbench.imagerelay.format;

/**
 * What the header of an image says, read without decoding a pixel.
 *
 * @param mime e.g. image/jpeg
 * @param extension the usual file extension, without the dot, e.g. jpg
 */
public record ImageInfo(String mime, String extension, int width, int height) {

    /** The pixel count, which cannot overflow: both sides are ints. */
    long pixels() {
        return (long) width * height;
    }
}
