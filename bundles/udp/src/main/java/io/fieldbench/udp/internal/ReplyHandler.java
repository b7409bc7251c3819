package io.fieldbench.udp.internal;

import java.util.function.Supplier;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.DatagramPacket;

/**
 * Replies to the sender of each datagram from the collector's own socket, as the policy of the
 * moment says (echo, ack or nothing), then passes the datagram on. Replies to one read burst go
 * out with one flush. A reply the socket refuses is counted, never thrown.
 */
final class ReplyHandler extends ChannelInboundHandlerAdapter {

    private final Supplier<ReplyPolicy> policy;
    private final ChannelFutureListener countFailure;
    private boolean unflushed;

    ReplyHandler(Supplier<ReplyPolicy> policy, CollectorCounters counters) {
        this.policy = policy;
        this.countFailure = future -> {
            if (!future.isSuccess()) {
                counters.replyFailed();
            }
        };
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object message) {
        if (message instanceof DatagramPacket packet) {
            ByteBuf reply = policy.get().reply(packet.content(), ctx.alloc());
            if (reply != null) {
                ctx.write(new DatagramPacket(reply, packet.sender())).addListener(countFailure);
                unflushed = true;
            }
        }
        ctx.fireChannelRead(message);
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        if (unflushed) {
            unflushed = false;
            ctx.flush();
        }
        ctx.fireChannelReadComplete();
    }
}
