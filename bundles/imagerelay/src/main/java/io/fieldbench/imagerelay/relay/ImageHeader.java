package io.fieldbench.imagerelay.relay;

import java.util.Map;

/**
 * The {@code image} text frame that announces the binary message after it.
 *
 * @param size the bytes announced; -1 when not said
 */
record ImageHeader(String name, String mime, long size) {

    /** What a binary message without a header is taken as. */
    static final ImageHeader UNNAMED = new ImageHeader("image", "", -1);

    static ImageHeader of(Map<String, Object> message) {
        Object name = message.get("name");
        Object mime = message.get("mime");
        Object size = message.get("size");
        return new ImageHeader(name instanceof String text && !text.isBlank() ? text : UNNAMED.name,
                mime instanceof String text ? text : "", size instanceof Number number ? number.longValue() : -1);
    }
}
