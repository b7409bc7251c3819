package io.fieldbench.server.support.tcp;

import java.util.concurrent.ThreadFactory;

import io.fieldbench.server.support.epoll.NativeEpoll;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.nio.NioServerSocketChannel;

/** Java NIO: any platform. */
public final class NioTcpTransport implements TcpTransport {

    private final String whyNotEpoll;

    /** @param whyNotEpoll why the native transport is not used, for the status; empty when not asked */
    public NioTcpTransport(String whyNotEpoll) {
        this.whyNotEpoll = whyNotEpoll;
    }

    @Override
    public EventLoopGroup newEventLoops(int threads, ThreadFactory names) {
        return new NioEventLoopGroup(threads, names);
    }

    @Override
    public ServerBootstrap configure(ServerBootstrap bootstrap) {
        return bootstrap.channel(NioServerSocketChannel.class);
    }

    @Override
    public String description() {
        return NativeEpoll.nioBecause(whyNotEpoll);
    }

    /** The description: the name a parameterized test shows. */
    @Override
    public String toString() {
        return description();
    }
}
