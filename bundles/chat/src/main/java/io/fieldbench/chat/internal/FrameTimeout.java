package io.fieldbench.chat.internal;

import java.util.concurrent.TimeUnit;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.concurrent.ScheduledFuture;

/**
 * The deadline for finishing a message once begun (frame.timeout.seconds). A slowloris client
 * trickles a byte now and then: it is never idle, yet never finishes a line, and holds its
 * connection and the decoder's buffer for as long as it likes. Sits right after the framing
 * decoder: after each batch of reads it asks the decoder whether part of a message waits; the
 * deadline starts with the first such batch and starts again whenever a message is finished. When
 * it passes with part of a message still waiting, it sends {@link Expired} down the pipeline,
 * where the client handler disconnects the client with its reason.
 */
final class FrameTimeout extends ChannelInboundHandlerAdapter {

    /** The deadline passed with {@code partialBytes} of an unfinished message waiting. */
    record Expired(int partialBytes, int seconds) {
    }

    private final Frames.PartialFrame framing;
    private final int seconds;
    private ScheduledFuture<?> deadline;
    private boolean finishedOne;

    FrameTimeout(Frames.PartialFrame framing, int seconds) {
        this.framing = framing;
        this.seconds = seconds;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        finishedOne = true;
        ctx.fireChannelRead(msg);
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        if (framing.partialBytes() == 0) {
            cancel();
        } else if (deadline == null || finishedOne) {
            // what waits was begun in this batch, after the last message finished
            cancel();
            deadline = ctx.executor().schedule(() -> expire(ctx), seconds, TimeUnit.SECONDS);
        }
        finishedOne = false;
        ctx.fireChannelReadComplete();
    }

    private void expire(ChannelHandlerContext ctx) {
        deadline = null;
        int waiting = framing.partialBytes();
        if (waiting > 0 && ctx.channel().isActive()) {
            ctx.fireUserEventTriggered(new Expired(waiting, seconds));
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        cancel();
        ctx.fireChannelInactive();
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        cancel();
    }

    private void cancel() {
        if (deadline != null) {
            deadline.cancel(false);
            deadline = null;
        }
    }
}
