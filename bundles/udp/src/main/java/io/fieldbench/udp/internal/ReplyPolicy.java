package io.fieldbench.udp.internal;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Pattern;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.CompositeByteBuf;
import io.netty.buffer.Unpooled;

/**
 * What to send back for a datagram: nothing, the datagram itself, or the ack template with the
 * datagram's own bytes, unchanged, in place of {@value #TEXT} (the telemetry tutorial's server
 * answers {@code Received:} and the bytes it got, binary ones included). The template's text is
 * sent in the collector's encoding; it is not a format string: a {@code %} of its own stays as it
 * is. A template without {@value #TEXT} is a fixed answer ({@code nice to meet you}).
 */
final class ReplyPolicy {

    /** Where the received bytes go in the ack template. */
    static final String TEXT = "%s";
    static final ReplyPolicy NONE = new ReplyPolicy(ReplyMode.NONE, "", StandardCharsets.UTF_8);

    private final ReplyMode mode;
    /** The template's text around each {@value #TEXT}, encoded once. */
    private final byte[][] parts;

    ReplyPolicy(ReplyMode mode, String ackTemplate, Charset charset) {
        this.mode = mode;
        this.parts = Arrays.stream(ackTemplate.split(Pattern.quote(TEXT), -1))
                .map(part -> part.getBytes(charset)).toArray(byte[][]::new);
    }

    static ReplyPolicy of(CollectorSettings settings) {
        return new ReplyPolicy(settings.reply(), settings.ackTemplate(), settings.charset());
    }

    /**
     * The reply's bytes, or null for none. Does not move the received buffer's indexes. An empty reply
     * is none: Netty never sends an empty datagram, and its epoll transport, writing a batch with
     * sendmmsg, skips the empty one but still counts it as sent, so that another reply went out twice.
     */
    ByteBuf reply(ByteBuf received, ByteBufAllocator allocator) {
        ByteBuf reply = switch (mode) {
            case NONE -> null;
            case ECHO -> received.retainedDuplicate();
            case ACK -> ack(received, allocator);
        };
        if (reply != null && !reply.isReadable()) {
            reply.release();
            return null;
        }
        return reply;
    }

    private ByteBuf ack(ByteBuf received, ByteBufAllocator allocator) {
        CompositeByteBuf ack = allocator.compositeBuffer(parts.length * 2);
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                ack.addComponent(true, received.retainedDuplicate());
            }
            ack.addComponent(true, Unpooled.wrappedBuffer(parts[i]));
        }
        return ack;
    }
}
