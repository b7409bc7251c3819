package io.fieldbench.server.support.tcp;

import java.util.concurrent.ThreadFactory;

import io.fieldbench.server.support.epoll.NativeEpoll;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.epoll.EpollChannelOption;
import io.netty.channel.epoll.EpollEventLoopGroup;
import io.netty.channel.epoll.EpollMode;
import io.netty.channel.epoll.EpollServerSocketChannel;

/**
 * Linux's epoll through Netty's native library. With {@code io.netty.channel.epoll} an optional
 * import, only {@link TcpTransport#best()} makes one, once it knows the library loads.
 */
public final class EpollTcpTransport implements TcpTransport {

    @Override
    public EventLoopGroup newEventLoops(int threads, ThreadFactory names) {
        return new EpollEventLoopGroup(threads, names);
    }

    /**
     * The listening socket is level-triggered, as Netty advises for a channel whose reading is
     * switched off and on ({@code EpollChannelConfig.getEpollMode}): {@link AcceptFailures} pauses
     * accepting after a failed accept (too many open files), and the connections still waiting
     * must be reported again when it resumes. (Edge-triggered, the default, stays for the clients'
     * sockets.)
     */
    @Override
    public ServerBootstrap configure(ServerBootstrap bootstrap) {
        return bootstrap.channel(EpollServerSocketChannel.class)
                .option(EpollChannelOption.EPOLL_MODE, EpollMode.LEVEL_TRIGGERED);
    }

    @Override
    public Exception asJdkFailure(Exception bindFailure) {
        return NativeEpoll.asJdkFailure(bindFailure);
    }

    @Override
    public String description() {
        return "epoll";
    }

    /** The description: the name a parameterized test shows. */
    @Override
    public String toString() {
        return description();
    }
}
