package io.fieldbench.chat.tcpclient;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.util.concurrent.DefaultThreadFactory;

import io.fieldbench.chat.internal.Frames;
import io.fieldbench.chat.internal.Framing;
import io.fieldbench.server.support.tcp.PeerReset;

/**
 * The TCP client tool's connection: one at a time, to a device that is the server. It cuts replies
 * and frames what it sends with the same {@link Frames} as the chat server, so both sides of the
 * bench speak alike. Every call returns at once; the work and the {@link Listener} calls happen on
 * the client's own I/O thread, so a caller on the EDT never waits for the network.
 */
public final class TcpClient implements AutoCloseable {

    /** The longest line (or length-prefixed frame) taken from the peer; a longer one is skipped and reported. */
    public static final int MAX_FRAME = 64 * 1024;
    /** The length prefix of the length framing: 2 bytes, big-endian, as the chat server's default. */
    public static final int LENGTH_PREFIX_BYTES = 2;
    /** How long bytes without their frame end wait before they are shown as pending. */
    public static final long PENDING_MILLIS = 300;
    private static final long SHUTDOWN_QUIET_MILLIS = 0;
    private static final long SHUTDOWN_TIMEOUT_MILLIS = 2_000;

    /** Why the connection ended. */
    public enum Reason {
        CLOSED_BY_PEER("closed by peer"),
        RESET("reset by peer"),
        CLOSED_BY_YOU("closed by you"),
        ERROR("error");

        private final String text;

        Reason(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }
    }

    /** What happens on the connection; called on the client's I/O thread, in order. */
    public interface Listener {
        void connected(InetSocketAddress peer);

        /** One message from the peer: a frame without its line ending or prefix, or one read when raw. */
        void received(byte[] message);

        /** The message the peer had begun when the connection ended, as it came, and why it is incomplete. */
        void unfinished(byte[] message, String note);

        /**
         * Bytes of a message whose end has not come within {@link #PENDING_MILLIS}: shown, not
         * taken; the message still comes whole, with {@link #received}, when its end arrives.
         */
        void pending(byte[] begun);

        /** Something arrived that could not be taken (a line longer than {@link #MAX_FRAME}); the connection stays. */
        void skipped(String why);

        void disconnected(Reason reason, String detail);
    }

    /** One connection attempt and, once it succeeds, the connection. */
    private static final class Connection {
        final Framing framing;
        volatile Channel channel;
        volatile Reason closing;
        volatile String detail = "";

        Connection(Framing framing) {
            this.framing = framing;
        }
    }

    private final EventLoopGroup group = new NioEventLoopGroup(1, new DefaultThreadFactory("fieldbench-tcp-client", true));
    private final Listener listener;
    private final AtomicReference<Connection> current = new AtomicReference<>();

    public TcpClient(Listener listener) {
        this.listener = listener;
    }

    /**
     * Connects, unless a connection is open or being opened.
     *
     * @return completes with the peer's address, or exceptionally with why not (refused, timed out, unknown host, busy)
     */
    public CompletableFuture<InetSocketAddress> connect(String host, int port, Duration timeout, Framing framing) {
        CompletableFuture<InetSocketAddress> result = new CompletableFuture<>();
        Connection connection = new Connection(framing);
        if (!current.compareAndSet(null, connection)) {
            result.completeExceptionally(new IllegalStateException("already connected: disconnect first"));
            return result;
        }
        ChannelFuture attempt;
        try {
            attempt = new Bootstrap().group(group).channel(NioSocketChannel.class)
                    .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE, timeout.toMillis()))
                    .option(ChannelOption.TCP_NODELAY, true)
                    .handler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel channel) {
                            Frames.addDecoder(channel.pipeline(), framing, MAX_FRAME, LENGTH_PREFIX_BYTES);
                            if (channel.pipeline().get("framing") instanceof Frames.PartialFrame partial) {
                                channel.pipeline().addLast("pending", new PendingWatch(partial, listener::pending));
                            }
                            channel.pipeline().addLast("replies", new Replies(connection));
                        }
                    })
                    .connect(host, port);
        } catch (RuntimeException e) { // a port out of range, a closed group
            current.compareAndSet(connection, null);
            result.completeExceptionally(e);
            return result;
        }
        connection.channel = attempt.channel();
        attempt.addListener((ChannelFuture done) -> {
            if (done.isSuccess()) {
                result.complete((InetSocketAddress) done.channel().remoteAddress());
            } else {
                current.compareAndSet(connection, null);
                result.completeExceptionally(done.cause() != null ? done.cause()
                        : new IllegalStateException("connecting was cancelled"));
            }
        });
        return result;
    }

    /**
     * Sends one message, framed as the connection's framing says (a line gets its LF).
     *
     * @return completes when the bytes are written, or exceptionally (not connected, too long, the connection failed)
     */
    public CompletableFuture<byte[]> send(byte[] message) {
        CompletableFuture<byte[]> result = new CompletableFuture<>();
        Connection connection = current.get();
        Channel channel = connection == null ? null : connection.channel;
        if (channel == null || !channel.isActive()) {
            result.completeExceptionally(new IllegalStateException("not connected"));
            return result;
        }
        byte[] framed;
        try {
            framed = Frames.encode(connection.framing, LENGTH_PREFIX_BYTES, message);
        } catch (IllegalArgumentException e) {
            result.completeExceptionally(e);
            return result;
        }
        channel.writeAndFlush(Unpooled.wrappedBuffer(framed)).addListener(done -> {
            if (done.isSuccess()) {
                result.complete(framed);
            } else {
                result.completeExceptionally(done.cause());
            }
        });
        return result;
    }

    /** Closes the connection (or gives up connecting); the listener hears {@link Reason#CLOSED_BY_YOU}. */
    public void disconnect() {
        Connection connection = current.get();
        if (connection != null && connection.channel != null) {
            connection.closing = Reason.CLOSED_BY_YOU;
            connection.channel.close();
        }
    }

    /** Whether a connection is open or being opened. */
    public boolean busy() {
        return current.get() != null;
    }

    /** Whether a connection is open. */
    public boolean connected() {
        Connection connection = current.get();
        return connection != null && connection.channel != null && connection.channel.isActive();
    }

    /** Disconnects and ends the I/O thread, waiting for it a bounded time. */
    @Override
    public void close() {
        disconnect();
        group.shutdownGracefully(SHUTDOWN_QUIET_MILLIS, SHUTDOWN_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS)
                .awaitUninterruptibly(SHUTDOWN_TIMEOUT_MILLIS * 2);
    }

    /** The end of the pipeline: hands messages to the listener and says why the connection ended. */
    private final class Replies extends ChannelInboundHandlerAdapter {
        private final Connection connection;

        Replies(Connection connection) {
            this.connection = connection;
        }

        @Override
        public void channelActive(ChannelHandlerContext ctx) {
            listener.connected((InetSocketAddress) ctx.channel().remoteAddress());
            ctx.fireChannelActive();
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (msg instanceof Frames.Unfinished tail) {
                listener.unfinished(tail.bytes(), tail.note());
                return;
            }
            ByteBuf bytes = (ByteBuf) msg;
            try {
                listener.received(ByteBufUtil.getBytes(bytes));
            } finally {
                bytes.release();
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            if (cause instanceof TooLongFrameException) {
                listener.skipped(String.valueOf(cause.getMessage()));
                return;
            }
            if (connection.closing == null) {
                connection.closing = PeerReset.isReset(cause) ? Reason.RESET : Reason.ERROR;
                connection.detail = connection.closing == Reason.RESET ? ""
                        : cause.getClass().getSimpleName() + ": " + cause.getMessage();
            }
            ctx.close();
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            current.compareAndSet(connection, null);
            Reason reason = connection.closing;
            listener.disconnected(reason == null ? Reason.CLOSED_BY_PEER : reason, connection.detail);
            ctx.fireChannelInactive();
        }
    }
}
