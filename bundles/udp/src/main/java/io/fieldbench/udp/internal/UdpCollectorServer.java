package io.fieldbench.udp.internal;

import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

import io.fieldbench.server.support.ServerControl;
import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.FixedRecvByteBufAllocator;
import io.netty.channel.socket.DatagramChannel;
import io.netty.channel.socket.DatagramPacket;
import io.netty.channel.socket.InternetProtocolFamily;
import io.netty.util.concurrent.DefaultThreadFactory;

/**
 * One bound collector socket with its event loop: made by {@link #bind}, ended by {@link #close},
 * after which the port is free at once. One datagram channel is served by one thread (about
 * 600 000 datagrams/s here), so the event loop has one.
 */
final class UdpCollectorServer implements ServerControl.Socket {

    /** A stop must not wait for a quiet period: the port is freed when the channel closes. */
    static final long SHUTDOWN_QUIET_MILLIS = 0;
    static final long SHUTDOWN_TIMEOUT_MILLIS = 2_000;
    private static final String THREAD_NAME = "fieldbench-udp-io";
    /** Datagrams read per wake-up of the event loop (Netty's default is 16): fewer wake-ups under load. */
    static final int READS_PER_WAKEUP = 64;

    private final EventLoopGroup group;
    private final DatagramChannel channel;
    private final int grantedReceiveBuffer;

    private UdpCollectorServer(EventLoopGroup group, DatagramChannel channel, int grantedReceiveBuffer) {
        this.group = group;
        this.channel = channel;
        this.grantedReceiveBuffer = grantedReceiveBuffer;
    }

    /**
     * Binds the socket; blocks until it is bound, so call it off any event loop and off the EDT. It
     * reads nothing until {@link #startReading()}: the kernel holds what arrives, up to its receive buffer.
     *
     * @throws Exception as the socket threw it, such as {@link java.net.BindException}; nothing is left open
     */
    static UdpCollectorServer bind(InetSocketAddress endpoint, int receiveBuffer, DatagramTransport transport,
            ChannelInitializer<DatagramChannel> pipeline) throws Exception {
        // the address decides the socket's family: an IPv4 socket for 0.0.0.0, a dual-stack IPv6 one for ::
        InternetProtocolFamily family = endpoint.getAddress() instanceof Inet6Address ? InternetProtocolFamily.IPv6
                : InternetProtocolFamily.IPv4;
        EventLoopGroup group = transport.newEventLoop(new DefaultThreadFactory(THREAD_NAME, true));
        try {
            DatagramChannel channel = (DatagramChannel) transport.configure(new Bootstrap().group(group), family)
                    .option(ChannelOption.SO_RCVBUF, receiveBuffer)
                    .option(ChannelOption.AUTO_READ, false)
                    .option(ChannelOption.RCVBUF_ALLOCATOR, new FixedRecvByteBufAllocator(transport.readAllocation())
                            .maxMessagesPerRead(READS_PER_WAKEUP))
                    .handler(pipeline)
                    .bind(endpoint).sync().channel();
            return new UdpCollectorServer(group, channel, transport.grantReceiveBuffer(channel, receiveBuffer));
        } catch (Exception e) {
            group.shutdownGracefully(SHUTDOWN_QUIET_MILLIS, SHUTDOWN_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS).awaitUninterruptibly();
            throw transport.asJdkFailure(e);
        }
    }

    /** Reads from now on, beginning with what the kernel held since the bind. */
    void startReading() {
        channel.config().setAutoRead(true);
    }

    /** Where the socket listens; with port 0 asked, the port the system chose. */
    @Override
    public InetSocketAddress localAddress() {
        return channel.localAddress();
    }

    /**
     * The receive buffer the kernel granted at bind: on Linux at most net.core.rmem_max, whatever was
     * asked, unless the bench may exceed it (CAP_NET_ADMIN). Read once, so that a status taken while the socket closes does not ask a closed socket.
     */
    int grantedReceiveBuffer() {
        return grantedReceiveBuffer;
    }

    /** Sends one datagram from the collector's socket, through its event loop. */
    ChannelFuture send(InetSocketAddress endpoint, byte[] payload) {
        return channel.writeAndFlush(new DatagramPacket(Unpooled.wrappedBuffer(payload), endpoint));
    }

    /** Closes the socket (the port is free when this returns) and ends the event loop. */
    @Override
    public void close() {
        channel.close().awaitUninterruptibly();
        group.shutdownGracefully(SHUTDOWN_QUIET_MILLIS, SHUTDOWN_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS).awaitUninterruptibly();
    }
}
