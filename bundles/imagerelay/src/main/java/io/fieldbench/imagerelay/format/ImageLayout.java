package io.fieldbench.imagerelay.format;

import io.netty.buffer.ByteBuf;

/**
 * How one image format is recognised and checked from its bytes alone, without decoding a pixel,
 * so that a decompression bomb is refused on its header.
 */
abstract class ImageLayout {

    private final String name;
    private final String end;

    /**
     * @param name the format's name in messages, e.g. JPEG
     * @param end what ends a whole file of this format, for the message about a truncated one
     */
    ImageLayout(String name, String end) {
        this.name = name;
        this.end = end;
    }

    final String name() {
        return name;
    }

    final String end() {
        return end;
    }

    /** Whether the readable bytes start with this format's magic number. */
    abstract boolean recognises(ByteBuf bytes);

    /** The type and dimensions the header gives. */
    abstract ImageInfo header(HeaderBytes in) throws NotAnImageException;

    /** Refuses a file whose structure is cut short or runs past its end. */
    abstract void checkComplete(HeaderBytes in) throws NotAnImageException;
}
