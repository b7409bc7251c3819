package io.fieldbench.chat.internal;

import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import io.fieldbench.api.sample.Endpoints;
import io.fieldbench.server.support.tcp.ClientRegistry;
import io.fieldbench.server.support.tcp.Closing;
import io.netty.channel.Channel;
import io.netty.util.AttributeKey;

/**
 * One connected client: its short id (what the console and the view call it), where it is, since
 * when, its byte counts and its last few messages. Counts are written on the client's event loop
 * and read anywhere.
 */
public final class ChatClient implements ClientRegistry.Client {

    /** The client of a channel, for the handlers before the client handler. */
    static final AttributeKey<ChatClient> KEY = AttributeKey.valueOf("fieldbench.chat.client");

    /** Messages kept per client for {@code chat:log}: a look at what it said, not a record. */
    static final int KEPT_MESSAGES = 16;

    private final int id;
    private final Channel channel;
    private final String address;
    private final Instant since;
    private final AtomicLong bytesIn = new AtomicLong();
    private final AtomicLong bytesOut = new AtomicLong();
    private final Deque<Kept> recent = new ArrayDeque<>(KEPT_MESSAGES);
    private final Closing closing = new Closing();

    /** A message kept for {@code chat:log}. */
    public record Kept(Instant time, boolean received, byte[] bytes) {
    }

    ChatClient(int id, Channel channel, Instant since) {
        this.id = id;
        this.channel = channel;
        this.address = channel.remoteAddress() instanceof InetSocketAddress remote ? Endpoints.of(remote)
                : String.valueOf(channel.remoteAddress());
        this.since = since;
        channel.attr(KEY).set(this);
    }

    @Override
    public int id() {
        return id;
    }

    public String address() {
        return address;
    }

    public Instant since() {
        return since;
    }

    public long bytesIn() {
        return bytesIn.get();
    }

    public long bytesOut() {
        return bytesOut.get();
    }

    @Override
    public Channel channel() {
        return channel;
    }

    @Override
    public Closing closing() {
        return closing;
    }

    void countIn(long bytes) {
        bytesIn.addAndGet(bytes);
    }

    void countOut(long bytes) {
        bytesOut.addAndGet(bytes);
    }

    void keep(Kept message) {
        synchronized (recent) {
            if (recent.size() == KEPT_MESSAGES) {
                recent.removeFirst();
            }
            recent.addLast(message);
        }
    }

    /** The last messages, oldest first. */
    public List<Kept> recent() {
        synchronized (recent) {
            return List.copyOf(recent);
        }
    }
}
