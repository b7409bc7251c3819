package io.fieldbench.chat.internal;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import io.netty.channel.Channel;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.util.AttributeKey;
import io.netty.util.concurrent.GlobalEventExecutor;

/**
 * The connected clients of one listening socket: by id for the console and the view, and as a
 * channel group for a broadcast. Ids count up from 1 and are not reused while the socket is open,
 * so that an id typed a moment later never reaches another client.
 */
final class ClientRegistry {

    static final AttributeKey<ChatClient> CLIENT = AttributeKey.valueOf("fieldbench.chat.client");

    private final Map<Integer, ChatClient> clients = new ConcurrentHashMap<>();
    private final ChannelGroup channels = new DefaultChannelGroup("fieldbench-chat", GlobalEventExecutor.INSTANCE);
    private final AtomicInteger nextId = new AtomicInteger(1);
    private final AtomicInteger count = new AtomicInteger();
    private final int maxClients;
    private final Clock clock;

    ClientRegistry(int maxClients, Clock clock) {
        this.maxClients = maxClients;
        this.clock = clock;
    }

    /** Registers a connected channel; null if there are max.clients already. */
    ChatClient admit(Channel channel) {
        if (count.incrementAndGet() > maxClients) {
            count.decrementAndGet();
            return null;
        }
        ChatClient client = new ChatClient(nextId.getAndIncrement(), channel, clock.instant());
        channel.attr(CLIENT).set(client);
        clients.put(client.id(), client);
        channels.add(channel);
        return client;
    }

    void remove(ChatClient client) {
        if (clients.remove(client.id()) != null) {
            count.decrementAndGet();
        }
    }

    ChatClient get(int id) {
        return clients.get(id);
    }

    /** The clients by id. */
    List<ChatClient> all() {
        return clients.values().stream().sorted(Comparator.comparingInt(ChatClient::id)).toList();
    }

    int size() {
        return count.get();
    }

    ChannelGroup channels() {
        return channels;
    }
}
