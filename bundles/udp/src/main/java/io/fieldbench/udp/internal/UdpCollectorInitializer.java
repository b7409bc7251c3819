package io.fieldbench.udp.internal;

import java.time.Clock;
import java.util.function.Supplier;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.socket.DatagramChannel;

/** The collector's pipeline: replies first (they need the bytes as received), then the intake. */
final class UdpCollectorInitializer extends ChannelInitializer<DatagramChannel> {

    /** The largest UDP payload over IPv4 (65 535 - 20 IP - 8 UDP header bytes). */
    static final int MAX_DATAGRAM = 65_507;
    /**
     * Bytes read per datagram. Netty's default of 2 048 silently cuts larger datagrams; this holds
     * any datagram whole, over IPv6 too (65 527).
     */
    static final int RECEIVE_ALLOCATION = 65_535;

    private final Supplier<ReplyPolicy> replies;
    private final DecodeQueue queue;
    private final CollectorCounters counters;
    private final Clock clock;

    UdpCollectorInitializer(Supplier<ReplyPolicy> replies, DecodeQueue queue, CollectorCounters counters, Clock clock) {
        this.replies = replies;
        this.queue = queue;
        this.counters = counters;
        this.clock = clock;
    }

    @Override
    protected void initChannel(DatagramChannel channel) {
        channel.pipeline().addLast("reply", new ReplyHandler(replies, counters));
        channel.pipeline().addLast("intake", new DatagramIntakeHandler(queue, counters, clock));
    }
}
