package io.fieldbench.udp.internal;

import java.net.BindException;
import java.util.concurrent.ThreadFactory;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelFactory;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollChannelOption;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.epoll.EpollEventLoopGroup;
import io.netty.channel.socket.InternetProtocolFamily;
import io.netty.channel.unix.Errors;

/**
 * Linux's epoll through Netty's native library, reading many datagrams per system call
 * ({@code recvmmsg}). The only class that touches {@code io.netty.channel.epoll}, an optional
 * import: where the package is missing, loading this class fails and the collector uses NIO.
 */
final class EpollTransport implements DatagramTransport {

    /**
     * Datagrams read per {@code recvmmsg}. Each gets a slot as large as the largest datagram, so none
     * is ever cut; the read buffer (14 × 64 KiB) stays under a quarter of Netty's 4 MiB pool chunk, so
     * the chunk is kept between reads rather than freed and made again.
     */
    static final int DATAGRAMS_PER_READ = 14;

    /** Null when epoll works here, else why not; fails with a {@link LinkageError} when the epoll classes are absent. */
    static Throwable unavailabilityCause() {
        return Epoll.isAvailable() ? null : Epoll.unavailabilityCause();
    }

    @Override
    public EventLoopGroup newEventLoop(ThreadFactory threads) {
        return new EpollEventLoopGroup(1, threads);
    }

    @Override
    public Bootstrap configure(Bootstrap bootstrap, InternetProtocolFamily family) {
        return bootstrap.channelFactory((ChannelFactory<EpollDatagramChannel>) () -> new EpollDatagramChannel(family))
                .option(EpollChannelOption.MAX_DATAGRAM_PAYLOAD_SIZE, UdpCollectorInitializer.RECEIVE_ALLOCATION);
    }

    @Override
    public int readAllocation() {
        return DATAGRAMS_PER_READ * UdpCollectorInitializer.RECEIVE_ALLOCATION;
    }

    /** The native bind says {@code bind(..) failed: Address already in use}, as an IOException of its own. */
    @Override
    public Exception asJdkFailure(Exception bindFailure) {
        if (bindFailure instanceof Errors.NativeIoException failure && String.valueOf(failure.getMessage()).startsWith("bind(")) {
            BindException bind = new BindException(failure.getMessage());
            bind.initCause(failure);
            return bind;
        }
        return bindFailure;
    }

    @Override
    public String description() {
        return "epoll (recvmmsg, up to " + DATAGRAMS_PER_READ + " datagrams a call)";
    }
}
