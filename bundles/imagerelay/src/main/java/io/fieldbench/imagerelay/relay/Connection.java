package io.fieldbench.imagerelay.relay;

import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.Collection;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicLong;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;

import io.fieldbench.server.support.tcp.ConnectedClient;

/**
 * One connected WebSocket client while it is connected: where it is, what went through, and why
 * it is being closed. Counts are written on the event loop or the intake thread and read anywhere.
 */
final class Connection extends ConnectedClient {

    /** The longest User-Agent kept: enough to tell phones apart. */
    static final int MAX_AGENT = 120;

    private final String agent;
    private final AtomicLong imagesIn = new AtomicLong();
    private final AtomicLong imagesOut = new AtomicLong();
    private final AtomicLong bytesIn = new AtomicLong();
    private final AtomicLong bytesOut = new AtomicLong();
    private final boolean plain;

    Connection(int id, Channel channel, String agent, Instant since) {
        super(id, channel, since);
        this.agent = agent.length() > MAX_AGENT ? agent.substring(0, MAX_AGENT) + "…" : agent;
        this.plain = Boolean.TRUE.equals(channel.attr(HandshakeGate.PLAIN).get());
    }

    /** Whether it is a plain client (the Python tutorial's): it gets bare image bytes, never a JSON message. */
    boolean plain() {
        return plain;
    }

    /** Sends a JSON control message, unless it is a plain client, which would take it for an image. */
    void tell(TextWebSocketFrame message) {
        if (plain) {
            message.release();
        } else {
            channel().writeAndFlush(message);
        }
    }

    /** The peer's host only: what an image's sender is named by in the images folder. */
    String host() {
        return channel().remoteAddress() instanceof InetSocketAddress remote && remote.getAddress() != null
                ? remote.getAddress().getHostAddress()
                : address();
    }

    void received(long bytes) {
        imagesIn.incrementAndGet();
        bytesIn.addAndGet(bytes);
    }

    private void sent(long bytes) {
        imagesOut.incrementAndGet();
        bytesOut.addAndGet(bytes);
    }

    /**
     * Sends an image to each of these clients: its {@code image} text frame and then its bytes, on
     * each client's event loop in one go, so that no other image's frames come between them
     * whichever thread sends. Every client's write shares the buffer (its readable bytes, not a
     * copy), each holding a reference of its own until written; the caller keeps its reference.
     *
     * @param from "bench" or "client N"
     * @return how many of them were still connected
     */
    static int sendImage(Collection<Connection> targets, String name, String mime, ByteBuf shared, String from) {
        int reached = 0;
        for (Connection target : targets) {
            if (target.sendImage(name, mime, shared, from)) {
                reached++;
            }
        }
        return reached;
    }

    private boolean sendImage(String name, String mime, ByteBuf shared, String from) {
        if (!channel().isActive()) {
            return false;
        }
        int size = shared.readableBytes();
        ByteBuf image = shared.retainedDuplicate();
        try {
            channel().eventLoop().execute(() -> {
                if (!plain) {
                    channel().write(RelayMessages.image(name, mime, size, from));
                }
                channel().writeAndFlush(new BinaryWebSocketFrame(image)).addListener(done -> {
                    if (done.isSuccess()) {
                        sent(size);
                    }
                });
            });
            return true;
        } catch (RejectedExecutionException e) {
            image.release();
            return false; // the relay is stopping
        }
    }

    RelayClient snapshot() {
        return new RelayClient(id(), address(), agent, since(), imagesIn.get(), imagesOut.get(), bytesIn.get(), bytesOut.get());
    }
}
