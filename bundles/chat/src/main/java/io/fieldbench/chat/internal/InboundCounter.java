package io.fieldbench.chat.internal;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;

/** Counts a client's bytes as they come off the socket, before the framing holds any back. */
@Sharable
final class InboundCounter extends ChannelInboundHandlerAdapter {

    static final InboundCounter INSTANCE = new InboundCounter();

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        ChatClient client = ctx.channel().attr(ChatClient.KEY).get();
        if (client != null && msg instanceof ByteBuf bytes) {
            client.countIn(bytes.readableBytes());
        }
        ctx.fireChannelRead(msg);
    }
}
