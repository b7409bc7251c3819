package io.fieldbench.server.support.tcp;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.util.concurrent.GlobalEventExecutor;

/**
 * The connected clients of one listening socket, at most {@code max.clients}: by id for the console
 * and the view, and as a channel group for a broadcast. Ids count up from 1 and are not reused while
 * the socket is open, so that an id typed a moment later never reaches another client.
 *
 * @param <C> the server's client
 */
public final class ClientRegistry<C extends ConnectedClient> {

    /** Makes a client as it is admitted. */
    public interface Admission<C> {
        C client(int id, Instant since);
    }

    private final Map<Integer, C> clients = new ConcurrentHashMap<>();
    private final ChannelGroup channels;
    private final AtomicInteger nextId = new AtomicInteger(1);
    /** Places taken, counted before a client is made so that two admissions at once cannot pass max.clients. */
    private final AtomicInteger count = new AtomicInteger();
    private final int maxClients;
    private final Clock clock;

    /** @param name the server's, for the channel group, e.g. "chat" */
    public ClientRegistry(String name, int maxClients, Clock clock) {
        this.channels = new DefaultChannelGroup("fieldbench-" + name, GlobalEventExecutor.INSTANCE);
        this.maxClients = maxClients;
        this.clock = clock;
    }

    /** Whether a new client would be one too many: a server may refuse it before it costs more. */
    public boolean full() {
        return count.get() >= maxClients;
    }

    /** Registers the client {@code admission} makes with the next id and the time now; null if there are max.clients already. */
    public C admit(Admission<C> admission) {
        if (count.incrementAndGet() > maxClients) {
            count.decrementAndGet();
            return null;
        }
        C client = admission.client(nextId.getAndIncrement(), clock.instant());
        clients.put(client.id(), client);
        channels.add(client.channel());
        return client;
    }

    public void remove(C client) {
        if (clients.remove(client.id()) != null) {
            count.decrementAndGet();
        }
    }

    /** The client with this id, or null. */
    public C get(int id) {
        return clients.get(id);
    }

    /** The clients by id. */
    public List<C> all() {
        return clients.values().stream().sorted(Comparator.comparingInt(ConnectedClient::id)).toList();
    }

    /** The clients in no order, as they are now (a live view): for a broadcast, which needs no sorted copy. */
    public Collection<C> unordered() {
        return Collections.unmodifiableCollection(clients.values());
    }

    /** The clients registered now; one still being admitted is not counted, as it is not yet in {@link #unordered()}. */
    public int size() {
        return clients.size();
    }

    /** Every client's channel, for a broadcast; a closed channel leaves it by itself. */
    public ChannelGroup channels() {
        return channels;
    }

    /** Notes that every client is disconnected because the server stops; the caller closes them. */
    public void stopping() {
        all().forEach(client -> client.closing().note(DisconnectReason.SERVER_STOPPING, ""));
    }
}
