package io.fieldbench.udp.internal;

import java.util.concurrent.ThreadFactory;

import io.fieldbench.server.support.epoll.NativeEpoll;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelException;
import io.netty.channel.ChannelFactory;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.epoll.EpollChannelOption;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.epoll.EpollEventLoopGroup;
import io.netty.channel.socket.DatagramChannel;
import io.netty.channel.socket.InternetProtocolFamily;
import io.netty.channel.unix.IntegerUnixChannelOption;

/**
 * Linux's epoll through Netty's native library, reading many datagrams per system call
 * ({@code recvmmsg}). Of the collector's own classes the only one that touches
 * {@code io.netty.channel.epoll}, an optional import: {@link DatagramTransport#best()} makes one
 * only once it knows epoll runs here.
 */
final class EpollTransport implements DatagramTransport {

    /**
     * Datagrams read per {@code recvmmsg}. Each gets a slot as large as the largest datagram, so none
     * is ever cut; the read buffer (14 × 64 KiB) stays under a quarter of Netty's 4 MiB pool chunk, so
     * the chunk is kept between reads rather than freed and made again.
     */
    static final int DATAGRAMS_PER_READ = 14;

    /**
     * {@code SO_RCVBUFFORCE} (socket(7)): a receive buffer above {@code net.core.rmem_max}, for a
     * process with {@code CAP_NET_ADMIN}, as rsyslog and journald ask for theirs. The default limit
     * (4 MiB, or 208 KiB on a stock Debian) holds well under 0.1 s of a busy field, less than the
     * bench's first seconds may stall.
     */
    private static final IntegerUnixChannelOption SO_RCVBUFFORCE = new IntegerUnixChannelOption("SO_RCVBUFFORCE",
            1 /* SOL_SOCKET */, 33 /* SO_RCVBUFFORCE, asm-generic/socket.h */);

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

    /**
     * Asks past the system's limit when it granted less, where the process may. Linux reports twice
     * what it granted (the rest is its bookkeeping, socket(7)); the JDK halves that for NIO, Netty's
     * native channel does not, so half is what compares with the ask.
     */
    @Override
    public int grantReceiveBuffer(DatagramChannel channel, int asked) {
        if (granted(channel) < asked) {
            try {
                channel.config().setOption(SO_RCVBUFFORCE, asked);
            } catch (ChannelException notPermitted) {
                // without CAP_NET_ADMIN the limit stands; the collector says what it got and how to get more
            }
        }
        return granted(channel);
    }

    private static int granted(DatagramChannel channel) {
        return channel.config().getReceiveBufferSize() / 2;
    }

    @Override
    public Exception asJdkFailure(Exception bindFailure) {
        return NativeEpoll.asJdkFailure(bindFailure);
    }

    @Override
    public String description() {
        return "epoll (recvmmsg, up to " + DATAGRAMS_PER_READ + " datagrams a call)";
    }
}
