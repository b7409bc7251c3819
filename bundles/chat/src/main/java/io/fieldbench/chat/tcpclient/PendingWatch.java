package io.fieldbench.chat.tcpclient;

import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.concurrent.ScheduledFuture;

import io.fieldbench.chat.internal.Frames;

/**
 * Shows what the framing decoder holds of a message whose end has not come: once no byte has come
 * for {@link TcpClient#PENDING_MILLIS}, a copy of it goes to {@code pending}, once per stretch. A
 * reply from a server that never ends its lines is seen rather than held until the connection
 * closes; the decoder keeps the bytes, and the message still comes whole when its end arrives.
 * Everything runs on the channel's event loop, as the decoder does.
 */
final class PendingWatch extends ChannelInboundHandlerAdapter {

    private final Frames.PartialFrame framing;
    private final Consumer<byte[]> pending;
    private ScheduledFuture<?> check;
    private int seen;
    private int shown;

    PendingWatch(Frames.PartialFrame framing, Consumer<byte[]> pending) {
        this.framing = framing;
        this.pending = pending;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        check = ctx.executor().scheduleAtFixedRate(this::check, TcpClient.PENDING_MILLIS, TcpClient.PENDING_MILLIS,
                TimeUnit.MILLISECONDS);
        ctx.fireChannelActive();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        check.cancel(false);
        ctx.fireChannelInactive();
    }

    private void check() {
        int now = framing.partialBytes();
        if (now > 0 && now == seen && now != shown) {
            shown = now;
            pending.accept(framing.partial());
        } else if (now == 0) {
            shown = 0;
        }
        seen = now;
    }
}
