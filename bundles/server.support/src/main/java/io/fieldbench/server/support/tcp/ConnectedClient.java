package io.fieldbench.server.support.tcp;

import java.net.InetSocketAddress;
import java.time.Instant;

import io.netty.channel.Channel;

import io.fieldbench.api.sample.Endpoints;

/**
 * A client of a TCP server while it is connected: its short id (what the console and the view call
 * it), its channel, where it is, since when, and why the server closes it. A server's own client
 * adds what it counts and keeps.
 */
public abstract class ConnectedClient {

    private final int id;
    private final Channel channel;
    private final String address;
    private final Instant since;
    private final Closing closing = new Closing();

    protected ConnectedClient(int id, Channel channel, Instant since) {
        this.id = id;
        this.channel = channel;
        this.address = addressOf(channel);
        this.since = since;
    }

    /** host:port of a channel's peer, as the bench writes endpoints ({@link Endpoints}). */
    public static String addressOf(Channel channel) {
        return channel.remoteAddress() instanceof InetSocketAddress remote ? Endpoints.of(remote)
                : String.valueOf(channel.remoteAddress());
    }

    public final int id() {
        return id;
    }

    public final Channel channel() {
        return channel;
    }

    public final String address() {
        return address;
    }

    public final Instant since() {
        return since;
    }

    /** Why the server closes the connection, noted before it does. */
    public final Closing closing() {
        return closing;
    }
}
