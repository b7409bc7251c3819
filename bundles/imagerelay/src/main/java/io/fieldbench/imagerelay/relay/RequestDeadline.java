package io.fieldbench.imagerelay.relay;

import java.util.concurrent.TimeUnit;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.util.concurrent.ScheduledFuture;

import io.fieldbench.server.support.tcp.ConnectedClient;

/**
 * Closes a connection whose HTTP request (the page's, or the WebSocket upgrade) has not arrived
 * whole within the deadline from its first byte. The idle timer cannot: a slowloris trickling its
 * headers restarts it with every byte and would hold the connection for ever. An answer written
 * means the request had come whole; once the connection is upgraded (the HTTP codec gone) this
 * leaves the pipeline. First in the pipeline, so it sees the request's bytes before any decoding.
 */
final class RequestDeadline extends ChannelDuplexHandler {

    private final long deadlineMillis;
    private final RelayTraffic traffic;
    private ScheduledFuture<?> deadline;

    RequestDeadline(long deadlineMillis, RelayTraffic traffic) {
        this.deadlineMillis = deadlineMillis;
        this.traffic = traffic;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (upgraded(ctx)) {
            ctx.pipeline().remove(this);
        } else if (deadline == null) {
            deadline = ctx.executor().schedule(() -> expire(ctx), deadlineMillis, TimeUnit.MILLISECONDS);
        }
        ctx.fireChannelRead(msg);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        cancel(); // an answer: the request it answers came whole, and the next one has a deadline of its own
        ctx.write(msg, promise);
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        cancel();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        cancel();
        ctx.fireChannelInactive();
    }

    private void expire(ChannelHandlerContext ctx) {
        deadline = null;
        if (upgraded(ctx)) { // the upgrade's answer was still being written as frames came: no request is due
            ctx.pipeline().remove(this);
            return;
        }
        traffic.refused(ConnectedClient.addressOf(ctx.channel()), "its HTTP request did not arrive whole within "
                + TimeUnit.MILLISECONDS.toSeconds(deadlineMillis) + " s; closed");
        ctx.close();
    }

    private void cancel() {
        if (deadline != null) {
            deadline.cancel(false);
            deadline = null;
        }
    }

    private static boolean upgraded(ChannelHandlerContext ctx) {
        return ctx.pipeline().get(HttpServerCodec.class) == null;
    }
}
