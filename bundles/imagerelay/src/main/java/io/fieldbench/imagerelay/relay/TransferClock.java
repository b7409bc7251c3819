package io.fieldbench.imagerelay.relay;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;

/**
 * First in a client's pipeline: notes when the bytes of the next message begin to arrive and how
 * many have come, so that a transfer's time runs from its first byte (the decoder only hands on
 * whole frames) and a client that leaves mid-upload can be told apart.
 */
final class TransferClock extends ChannelInboundHandlerAdapter {

    private static final long NANOS_PER_MILLI = 1_000_000;
    private long started = -1;
    private long bytes;

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof ByteBuf buffer && buffer.isReadable()) {
            if (started < 0) {
                started = System.nanoTime();
            }
            bytes += buffer.readableBytes();
        }
        ctx.fireChannelRead(msg);
    }

    /** A message is complete: how long since its first bytes, in milliseconds; the clock starts over. */
    long messageDone() {
        long millis = started < 0 ? 0 : (System.nanoTime() - started) / NANOS_PER_MILLI;
        started = -1;
        bytes = 0;
        return millis;
    }

    /** Bytes received since the last complete message: a message begun and unfinished. */
    long unfinishedBytes() {
        return bytes;
    }
}
