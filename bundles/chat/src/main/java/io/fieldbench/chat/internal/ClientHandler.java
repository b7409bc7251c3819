package io.fieldbench.chat.internal;

import io.fieldbench.server.support.tcp.ClientRegistry;
import io.fieldbench.server.support.tcp.DisconnectReason;
import io.fieldbench.server.support.tcp.OutboundLimit;
import io.fieldbench.server.support.tcp.PeerReset;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.ReferenceCountUtil;

/**
 * One client's end of the pipeline: registers it, hands its messages to the server, notes why its
 * connection ends, and disconnects it when it does not read what it is sent (more than
 * outbound.limit.bytes waiting), so that it cannot hold memory or slow the others.
 */
final class ClientHandler extends ChannelDuplexHandler {

    private final ClientRegistry<ChatClient> registry;
    private final ChatTraffic traffic;
    private final ChatSettings settings;
    private final OutboundLimit outboundLimit;
    private ChatClient client;

    ClientHandler(ClientRegistry<ChatClient> registry, ChatTraffic traffic, ChatSettings settings) {
        this.registry = registry;
        this.traffic = traffic;
        this.settings = settings;
        this.outboundLimit = new OutboundLimit(settings.outboundLimitBytes());
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        client = registry.admit((id, since) -> new ChatClient(id, ctx.channel(), since, settings));
        if (client == null) {
            traffic.refused(String.valueOf(ctx.channel().remoteAddress()), DisconnectReason.TOO_MANY_CLIENTS);
            ctx.close();
            return;
        }
        traffic.connected(client);
        ctx.fireChannelActive();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        try {
            if (client != null && msg instanceof ByteBuf bytes) {
                traffic.received(client, ByteBufUtil.getBytes(bytes));
            } else if (client != null && msg instanceof Frames.Unfinished tail) {
                traffic.unfinished(client, tail.bytes(), tail.note());
            }
        } finally {
            ReferenceCountUtil.release(msg);
        }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
        if (event instanceof IdleStateEvent) {
            close(ctx, DisconnectReason.IDLE_TIMEOUT, "");
        } else if (event instanceof FrameTimeout.Expired expired) {
            close(ctx, DisconnectReason.SLOWLORIS, expired.partialBytes() + " bytes of a message unfinished after "
                    + expired.seconds() + " s");
        } else if (event instanceof ChannelInputShutdownEvent) {
            // the client shut down its output (or closed): what it sent has been read, an unfinished message delivered
            close(ctx, DisconnectReason.CLOSED_BY_PEER, "");
        } else {
            ctx.fireUserEventTriggered(event);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof TooLongFrameException) {
            traffic.rejected(client, String.valueOf(cause.getMessage()));
            return;
        }
        String message = String.valueOf(cause.getMessage());
        if (PeerReset.isReset(cause)) {
            close(ctx, DisconnectReason.RESET, "");
        } else {
            close(ctx, DisconnectReason.ERROR, cause.getClass().getSimpleName() + ": " + message);
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (client != null) {
            registry.remove(client);
            traffic.disconnected(client, client.closing().reason(), client.closing().detail());
        }
        ctx.fireChannelInactive();
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (client != null && msg instanceof ByteBuf bytes) {
            int size = bytes.readableBytes();
            if (promise.isVoid()) {
                client.countOut(size);
            } else {
                ChatClient counted = client;
                promise.addListener(done -> {
                    if (done.isSuccess()) {
                        counted.countOut(size);
                    }
                });
            }
        }
        ctx.write(msg, promise);
        if (client != null) {
            outboundLimit.enforce(ctx, client.closing());
        }
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        if (client != null) {
            outboundLimit.enforce(ctx, client.closing());
        }
        ctx.fireChannelWritabilityChanged();
    }

    private void close(ChannelHandlerContext ctx, DisconnectReason reason, String detail) {
        if (client != null) {
            client.closing().note(reason, detail);
        }
        ctx.close();
    }
}
