package io.fieldbench.imagerelay.relay;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler.HandshakeComplete;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.ReferenceCountUtil;

import io.fieldbench.server.support.tcp.ClientRegistry;
import io.fieldbench.server.support.tcp.ConnectedClient;
import io.fieldbench.server.support.tcp.DisconnectReason;
import io.fieldbench.server.support.tcp.OutboundLimit;
import io.fieldbench.server.support.tcp.PeerReset;

/**
 * One WebSocket client's end of the pipeline: registers it at the handshake and greets it; pairs
 * each {@code image} text frame with the binary message after it and hands its buffer, not a
 * copy, to the intake (reading no more from this client until the intake is done with it); echoes in echo
 * mode; pings when the client is quiet and drops it when it stays silent; disconnects it when more
 * than outbound.limit.bytes wait for it; and says why its connection ended.
 */
final class RelayHandler extends ChannelDuplexHandler {

    private final ClientRegistry<Connection> clients;
    /** The reasons for which a message the client was sending is lost by this end, and worth saying so: not for a refusal. */
    private static final Set<DisconnectReason> UPLOAD_LOST = EnumSet.of(DisconnectReason.CLOSED_BY_PEER,
            DisconnectReason.RESET, DisconnectReason.IDLE_TIMEOUT, DisconnectReason.SERVER_STOPPING, DisconnectReason.ERROR);

    private final RelayTraffic traffic;
    private final ImageIntake intake;
    private final Supplier<RelaySettings> settings;
    private final TransferClock clock;
    private final OutboundLimit outboundLimit;
    private Connection client;
    private ImageHeader announced;

    RelayHandler(ClientRegistry<Connection> clients, RelayTraffic traffic, ImageIntake intake, Supplier<RelaySettings> settings,
            TransferClock clock, long outboundLimit) {
        this.clients = clients;
        this.traffic = traffic;
        this.intake = intake;
        this.settings = settings;
        this.clock = clock;
        this.outboundLimit = new OutboundLimit(outboundLimit);
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
        if (event instanceof HandshakeComplete handshake) {
            admit(ctx, handshake);
        } else if (event instanceof IdleStateEvent idle) {
            if (client == null) {
                ctx.close(); // an HTTP connection left open: nothing to say goodbye to
            } else if (idle.isFirst() || settings.get().idleTimeoutSeconds() == 0) {
                ctx.writeAndFlush(new PingWebSocketFrame()); // keeps routers from forgetting a quiet connection
            } else {
                close(ctx, DisconnectReason.IDLE_TIMEOUT, "no answer to a ping", WebSocketCloseStatus.ENDPOINT_UNAVAILABLE);
            }
        } else {
            ctx.fireUserEventTriggered(event);
        }
    }

    private void admit(ChannelHandlerContext ctx, HandshakeComplete handshake) {
        String agent = handshake.requestHeaders().get(HttpHeaderNames.USER_AGENT, "");
        client = clients.admit((id, since) -> new Connection(id, ctx.channel(), agent, since));
        if (client == null) {
            traffic.refused(ConnectedClient.addressOf(ctx.channel()), DisconnectReason.TOO_MANY_CLIENTS.text());
            ctx.writeAndFlush(new CloseWebSocketFrame(WebSocketCloseStatus.TRY_AGAIN_LATER,
                    DisconnectReason.TOO_MANY_CLIENTS.text())).addListener(ChannelFutureListener.CLOSE);
            return;
        }
        clock.messageDone(); // the HTTP request is not part of a message
        RelaySettings now = settings.get();
        if (!now.echo()) { // an echo server says nothing of its own: the conformance suite expects only its echoes
            client.tell(RelayMessages.hello(client.id(), now.maxImageBytes(), now.relay()));
        }
        traffic.connected(client);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (client == null || !(msg instanceof WebSocketFrame frame)) {
            ReferenceCountUtil.release(msg);
            return;
        }
        if (frame instanceof PongWebSocketFrame) {
            clock.messageDone();
            frame.release();
        } else if (frame instanceof CloseWebSocketFrame close) {
            clock.messageDone();
            client.closing().note(DisconnectReason.CLOSED_BY_PEER, "status " + close.statusCode());
            ctx.writeAndFlush(close).addListener(ChannelFutureListener.CLOSE);
        } else if (settings.get().echo()) {
            clock.messageDone();
            ctx.writeAndFlush(frame);
        } else if (frame instanceof TextWebSocketFrame text) {
            clock.messageDone();
            String json = text.text();
            text.release();
            control(ctx, json);
        } else if (frame instanceof BinaryWebSocketFrame binary) {
            image(ctx, binary.content(), clock.messageDone());
        } else {
            frame.release();
        }
    }

    private void control(ChannelHandlerContext ctx, String json) {
        Map<String, Object> message;
        try {
            message = JsonText.parseObject(json);
        } catch (IllegalArgumentException e) {
            refuse(ctx, "", json.length(), e.getMessage() + "; send {\"type\":\"image\",\"name\":...} before each image");
            return;
        }
        Object type = message.get(RelayMessages.TYPE);
        if (RelayMessages.IMAGE.equals(type)) {
            announced = ImageHeader.of(message);
        } else {
            refuse(ctx, "", json.length(), "unknown message type '" + type + "': the bench understands \"image\"");
        }
    }

    /** Takes the message's buffer: hands it to the intake, which releases it, or releases it here. */
    private void image(ChannelHandlerContext ctx, ByteBuf bytes, long millis) {
        ImageHeader header = announced == null ? ImageHeader.UNNAMED : announced;
        announced = null;
        int length = bytes.readableBytes();
        if (settings.get().relay() == RelayMode.OFF) {
            bytes.release();
            refuse(ctx, header.name(), length, "this bench takes no uploads (relay=off); it only sends images");
        } else if (header.size() >= 0 && header.size() != length) {
            bytes.release();
            refuse(ctx, header.name(), length, "the image arrived with " + length + " bytes but "
                    + header.size() + " were announced; send it again");
        } else {
            // no more from this client until its image is checked and kept: at most one image of it in memory
            ctx.channel().config().setAutoRead(false);
            intake.accept(client, header, bytes, millis).whenComplete((done, failure) -> ctx.channel().config().setAutoRead(true));
        }
    }

    private void refuse(ChannelHandlerContext ctx, String name, long bytes, String why) {
        client.tell(RelayMessages.refused(name, why));
        traffic.refused(client, name, bytes, why);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof CorruptedWebSocketFrameException corrupted) {
            // the decoder does not close (closeOnProtocolViolation off): one close frame, ours, with its status;
            // had it closed, the protocol handler would have sent a second one (1000) after it
            DisconnectReason reason = corrupted.closeStatus().equals(WebSocketCloseStatus.MESSAGE_TOO_BIG)
                    ? DisconnectReason.MESSAGE_TOO_BIG : DisconnectReason.PROTOCOL_ERROR;
            close(ctx, reason, corrupted.closeStatus().code() + ": " + corrupted.getMessage(), corrupted.closeStatus());
        } else if (cause instanceof TooLongFrameException tooLong) {
            close(ctx, DisconnectReason.MESSAGE_TOO_BIG, "1009: " + tooLong.getMessage(), WebSocketCloseStatus.MESSAGE_TOO_BIG);
        } else if (PeerReset.isReset(cause)) {
            noteClosing(DisconnectReason.RESET, "");
            ctx.close();
        } else {
            noteClosing(DisconnectReason.ERROR, cause.getClass().getSimpleName() + ": " + cause.getMessage());
            ctx.close();
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (client != null) {
            clients.remove(client);
            DisconnectReason reason = client.closing().reason();
            String detail = client.closing().detail();
            long unfinished = clock.unfinishedBytes();
            if (unfinished > 0 && UPLOAD_LOST.contains(reason)) {
                detail = (detail.isEmpty() ? "" : detail + "; ") + "in the middle of a message, " + unfinished
                        + " bytes of it received and dropped";
            }
            traffic.disconnected(client, reason, detail);
        }
        ctx.fireChannelInactive();
    }

    /** After the socket took what it could: an image larger than the limit is fine while the client reads it. */
    @Override
    public void flush(ChannelHandlerContext ctx) {
        ctx.flush();
        checkBacklog(ctx);
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        checkBacklog(ctx);
        ctx.fireChannelWritabilityChanged();
    }

    private void checkBacklog(ChannelHandlerContext ctx) {
        if (client != null) {
            outboundLimit.enforce(ctx, client.closing());
        }
    }

    /** Says goodbye with a close frame, then closes, whether or not the client reads it. */
    private void close(ChannelHandlerContext ctx, DisconnectReason reason, String detail, WebSocketCloseStatus status) {
        noteClosing(reason, detail);
        ctx.writeAndFlush(new CloseWebSocketFrame(status, reason.text())).addListener(ChannelFutureListener.CLOSE);
    }

    private void noteClosing(DisconnectReason reason, String detail) {
        if (client != null) {
            client.closing().note(reason, detail);
        }
    }
}
