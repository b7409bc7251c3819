package io.fieldbench.imagerelay.relay;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import io.netty.channel.Channel;

/**
 * The WebSocket clients of one listening socket, by id. Ids count up from 1 and are not reused while
 * the socket is open, so that an id typed a moment later never reaches another client.
 */
final class RelayClients {

    private final Map<Integer, Connection> clients = new ConcurrentHashMap<>();
    private final AtomicInteger nextId = new AtomicInteger(1);
    private final AtomicInteger count = new AtomicInteger();
    private final int maxClients;
    private final Clock clock;

    RelayClients(int maxClients, Clock clock) {
        this.maxClients = maxClients;
        this.clock = clock;
    }

    /** Whether a new client would be one too many: the handshake is then refused. */
    boolean full() {
        return count.get() >= maxClients;
    }

    /** Registers a client whose handshake completed; null if there are max.clients already. */
    Connection admit(Channel channel, String agent) {
        if (count.incrementAndGet() > maxClients) {
            count.decrementAndGet();
            return null;
        }
        Connection client = new Connection(nextId.getAndIncrement(), channel, agent, clock.instant());
        clients.put(client.id(), client);
        return client;
    }

    void remove(Connection client) {
        if (clients.remove(client.id()) != null) {
            count.decrementAndGet();
        }
    }

    Connection get(int id) {
        return clients.get(id);
    }

    /** The clients by id. */
    List<Connection> all() {
        return clients.values().stream().sorted(Comparator.comparingInt(Connection::id)).toList();
    }

    int size() {
        return count.get();
    }
}
