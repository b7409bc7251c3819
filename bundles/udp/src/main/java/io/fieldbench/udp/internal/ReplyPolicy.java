package io.fieldbench.udp.internal;

import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;

/**
 * What to send back for a datagram: nothing, the datagram itself, or the ack template with the
 * received text in place of {@value #TEXT}. The template is not a format string: a {@code %} of its
 * own, or in the received text, stays as it is.
 */
record ReplyPolicy(ReplyMode mode, String ackTemplate, Charset charset) {

    /** Where the received text goes in the ack template. */
    static final String TEXT = "%s";
    static final ReplyPolicy NONE = new ReplyPolicy(ReplyMode.NONE, "", StandardCharsets.UTF_8);

    static ReplyPolicy of(CollectorSettings settings) {
        return new ReplyPolicy(settings.reply(), settings.ackTemplate(), settings.charset());
    }

    /** The reply's bytes, or null for none. Does not move the received buffer's indexes. */
    ByteBuf reply(ByteBuf received, ByteBufAllocator allocator) {
        return switch (mode) {
            case NONE -> null;
            case ECHO -> received.retainedDuplicate();
            case ACK -> ByteBufUtil.encodeString(allocator, CharBuffer.wrap(ack(received.toString(charset))), charset);
        };
    }

    /** The ack for this received text. */
    String ack(String text) {
        return ackTemplate.replace(TEXT, text);
    }
}
