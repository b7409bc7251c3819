package io.fieldbench.udp.internal;

import java.util.concurrent.ThreadFactory;

import io.fieldbench.server.support.epoll.NativeEpoll;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelFactory;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.InternetProtocolFamily;
import io.netty.channel.socket.nio.NioDatagramChannel;

/** Java NIO: one datagram per read; any platform. */
final class NioTransport implements DatagramTransport {

    private final String whyNotEpoll;

    /** @param whyNotEpoll why the native transport is not used, for the status; empty when not asked */
    NioTransport(String whyNotEpoll) {
        this.whyNotEpoll = whyNotEpoll;
    }

    @Override
    public EventLoopGroup newEventLoop(ThreadFactory threads) {
        return new NioEventLoopGroup(1, threads);
    }

    @Override
    public Bootstrap configure(Bootstrap bootstrap, InternetProtocolFamily family) {
        return bootstrap.channelFactory((ChannelFactory<NioDatagramChannel>) () -> new NioDatagramChannel(family));
    }

    @Override
    public int readAllocation() {
        return UdpCollectorInitializer.RECEIVE_ALLOCATION;
    }

    @Override
    public String description() {
        return NativeEpoll.nioBecause(whyNotEpoll);
    }
}
