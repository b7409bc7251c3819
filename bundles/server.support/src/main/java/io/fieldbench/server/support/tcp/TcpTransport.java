package io.fieldbench.server.support.tcp;

import java.util.concurrent.ThreadFactory;

import io.fieldbench.server.support.epoll.NativeEpoll;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.EventLoopGroup;

/**
 * How a TCP server's sockets are served: Linux's native epoll where Netty's native library loads
 * ({@link EpollTcpTransport}), else Java NIO ({@link NioTcpTransport}). Both behave alike for the
 * servers; epoll costs fewer system calls and sends files with {@code sendfile} directly.
 */
public interface TcpTransport {

    /** Event loops of {@code threads} threads; 0: Netty's default, twice the cores. */
    EventLoopGroup newEventLoops(int threads, ThreadFactory names);

    /** Sets the listening channel's class and the transport's own options. */
    ServerBootstrap configure(ServerBootstrap bootstrap);

    /** A failure to bind as the JDK would throw it ({@link java.net.BindException}), so that it is told the same way. */
    default Exception asJdkFailure(Exception bindFailure) {
        return bindFailure;
    }

    /** For the status and the log: which transport, and why not epoll. */
    String description();

    /** The best transport here: epoll if its native library loads, else NIO, saying why not epoll. */
    static TcpTransport best() {
        return NativeEpoll.best(EpollTcpTransport::new, NioTcpTransport::new);
    }
}
