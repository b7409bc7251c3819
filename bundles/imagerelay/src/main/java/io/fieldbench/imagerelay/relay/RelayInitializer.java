package io.fieldbench.imagerelay.relay;

import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.netty.handler.timeout.IdleStateHandler;

import io.fieldbench.imagerelay.page.PageHandler;
import io.fieldbench.server.support.tcp.ClientRegistry;

/**
 * A connection's pipeline: the request deadline; the transfer clock; idleness; HTTP; the handshake gate; the WebSocket
 * protocol on {@code /ws} (no extensions: images are never deflated), its frame decoder swapped at
 * the handshake for one that unmasks faster; the page for every other
 * request; whole messages up to max.image.bytes; the client's handler. Limits are the settings in
 * force when the client connected.
 */
final class RelayInitializer extends ChannelInitializer<SocketChannel> {

    /** A page request is a GET with headers only; more is refused. */
    static final int MAX_REQUEST_BYTES = 64 * 1024;
    /** An HTTP request must arrive whole within this from its first byte, and the upgrade's answer then go out within it. */
    static final long HANDSHAKE_TIMEOUT_MILLIS = 10_000;
    /** Without an idle timeout, an open HTTP connection that never upgrades is still closed after this. */
    static final int HTTP_IDLE_SECONDS = 120;

    private final Supplier<RelaySettings> settings;
    private final HandshakeGate gate;
    private final PageHandler page;
    private final ClientRegistry<Connection> clients;
    private final RelayTraffic traffic;
    private final ImageIntake intake;
    private final ChannelGroup connections;

    /** @param connections every connection, upgraded or not, for closing them all when the relay stops */
    RelayInitializer(RelayParts parts, ClientRegistry<Connection> clients, ImageIntake intake, ChannelGroup connections) {
        this.settings = parts.settings();
        this.gate = new HandshakeGate(parts.token(), clients, parts.traffic(), () -> parts.settings().get().plainClients());
        this.page = new PageHandler(parts.page());
        this.clients = clients;
        this.traffic = parts.traffic();
        this.intake = intake;
        this.connections = connections;
    }

    @Override
    protected void initChannel(SocketChannel channel) {
        connections.add(channel);
        RelaySettings now = settings.get();
        TransferClock clock = new TransferClock();
        // read idle at half the timeout: the first time a ping goes out, the second time the client is dropped
        int idle = now.idleTimeoutSeconds() > 0 ? now.idleTimeoutSeconds() : 2 * HTTP_IDLE_SECONDS;
        long halfIdleMillis = Math.max(1, idle * 1000L / 2);
        ChannelPipeline pipeline = channel.pipeline();
        pipeline.addLast("deadline", new RequestDeadline(HANDSHAKE_TIMEOUT_MILLIS, traffic));
        pipeline.addLast("clock", clock);
        pipeline.addLast("idle", new IdleStateHandler(halfIdleMillis, 0, 0, TimeUnit.MILLISECONDS));
        pipeline.addLast("http", new HttpServerCodec());
        pipeline.addLast("request", new HttpObjectAggregator(MAX_REQUEST_BYTES));
        pipeline.addLast("gate", gate);
        WebSocketServerProtocolConfig protocol = protocol(now.maxImageBytes());
        pipeline.addLast("websocket", new WebSocketServerProtocolHandler(protocol));
        pipeline.addLast("unmasking", new UnmaskingFrameDecoder.Installer(protocol.decoderConfig()));
        pipeline.addLast("page", page);
        pipeline.addLast("message", new WebSocketFrameAggregator(now.maxImageBytes()));
        pipeline.addLast("client", new RelayHandler(clients, traffic, intake, settings, clock, now.outboundLimitBytes()));
    }

    static WebSocketServerProtocolConfig protocol(int maxImageBytes) {
        return WebSocketServerProtocolConfig.newBuilder()
                .websocketPath(HandshakeGate.PATH)
                .checkStartsWith(true) // the token comes in the query string
                .allowExtensions(false)
                .closeOnProtocolViolation(false) // the client handler closes, with the decoder's status, and logs why
                .maxFramePayloadLength(maxImageBytes)
                .handshakeTimeoutMillis(HANDSHAKE_TIMEOUT_MILLIS)
                .handleCloseFrames(false) // the client handler answers them, to log who closed
                .dropPongFrames(false) // the client handler sees them: a pong ends the transfer clock's message
                .build();
    }
}
