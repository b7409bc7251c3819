package io.fieldbench.udp.internal;

import java.util.concurrent.ThreadFactory;

import io.fieldbench.server.support.epoll.NativeEpoll;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.DatagramChannel;
import io.netty.channel.socket.InternetProtocolFamily;

/**
 * How the collector's socket is read: Linux's native epoll with {@code recvmmsg} where Netty's
 * native library loads ({@link EpollTransport}), else Java NIO ({@link NioTransport}).
 */
interface DatagramTransport {

    /** One event loop of one thread: one datagram channel is read by one thread. */
    EventLoopGroup newEventLoop(ThreadFactory threads);

    /** Sets the channel class and the transport's own options; the socket is of the given family. */
    Bootstrap configure(Bootstrap bootstrap, InternetProtocolFamily family);

    /** The bytes a read of the socket has room for: whole datagrams, as many as the transport reads at once. */
    int readAllocation();

    /**
     * The receive buffer a bound socket has, in the terms it was asked in ({@code SO_RCVBUF}). A
     * transport may first try to get more than the system's default limit.
     */
    default int grantReceiveBuffer(DatagramChannel channel, int asked) {
        return channel.config().getReceiveBufferSize();
    }

    /** A failure to bind as the JDK would throw it ({@link java.net.BindException}), so that it is told the same way. */
    default Exception asJdkFailure(Exception bindFailure) {
        return bindFailure;
    }

    /** For the status: which transport, and how it reads. */
    String description();

    /** The best transport here: epoll if its native library loads, else NIO, saying why not epoll. */
    static DatagramTransport best() {
        return NativeEpoll.best(EpollTransport::new, NioTransport::new);
    }
}
