package io.fieldbench.server.support.tcp;

import java.util.Optional;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundBuffer;

/**
 * The bytes that may wait to be sent to one client: one that does not read past this is
 * disconnected as too slow, so that it cannot hold memory or slow the others.
 */
public final class OutboundLimit {

    private final long limitBytes;

    public OutboundLimit(long limitBytes) {
        this.limitBytes = limitBytes;
    }

    /** What to say ("N bytes waiting") when more than the limit waits for the channel's peer; empty while it keeps up. */
    Optional<String> passed(Channel channel) {
        ChannelOutboundBuffer waiting = channel.unsafe().outboundBuffer();
        if (waiting == null || waiting.totalPendingWriteBytes() <= limitBytes) {
            return Optional.empty();
        }
        return Optional.of(waiting.totalPendingWriteBytes() + " bytes waiting");
    }

    /**
     * Closes the connection, noted as {@link DisconnectReason#TOO_SLOW}, once more than the limit
     * waits for it: call it after writing and when the channel's writability changes.
     */
    public void enforce(ChannelHandlerContext ctx, Closing closing) {
        passed(ctx.channel()).ifPresent(waiting -> {
            closing.note(DisconnectReason.TOO_SLOW, waiting);
            ctx.close();
        });
    }
}
