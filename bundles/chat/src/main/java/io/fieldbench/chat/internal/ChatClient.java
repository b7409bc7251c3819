package io.fieldbench.chat.internal;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import io.fieldbench.server.support.tcp.ConnectedClient;
import io.netty.channel.Channel;
import io.netty.util.AttributeKey;

/**
 * One connected client, with the settings it connected under (its framing), its byte counts and its
 * last few messages. Counts are written on the client's event loop and read anywhere.
 */
public final class ChatClient extends ConnectedClient {

    /** The client of a channel, for the handlers before the client handler. */
    static final AttributeKey<ChatClient> KEY = AttributeKey.valueOf("fieldbench.chat.client");

    /** Messages kept per client for {@code chat:log}: a look at what it said, not a record. */
    static final int KEPT_MESSAGES = 16;

    private final ChatSettings settings;
    private final AtomicLong bytesIn = new AtomicLong();
    private final AtomicLong bytesOut = new AtomicLong();
    private final Deque<Kept> recent = new ArrayDeque<>(KEPT_MESSAGES);

    /** A message kept for {@code chat:log}. */
    public record Kept(Instant time, boolean received, byte[] bytes) {
    }

    ChatClient(int id, Channel channel, Instant since, ChatSettings settings) {
        super(id, channel, since);
        this.settings = settings;
        channel.attr(KEY).set(this);
    }

    /** The settings in force when the client connected: its pipeline cuts and frames messages as they say. */
    ChatSettings settings() {
        return settings;
    }

    public long bytesIn() {
        return bytesIn.get();
    }

    public long bytesOut() {
        return bytesOut.get();
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
