package io.fieldbench.server.support.tcp;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;

/**
 * The shared loops bind on loopback with their named threads, free the port and every thread on
 * shutdown, over each transport.
 */
class TcpEventLoopsTest {

    private static final long JOIN_MILLIS = 5_000;
    private static final InetSocketAddress ANY_LOOPBACK_PORT = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);

    @Test
    @EnabledOnOs(OS.LINUX)
    @EnabledIfSystemProperty(named = "os.arch", matches = "amd64|x86_64")
    void linuxOnX86UsesEpoll() {
        assertInstanceOf(EpollTcpTransport.class, TcpTransport.best());
    }

    @ParameterizedTest(name = "over {0}")
    @MethodSource("io.fieldbench.server.support.tcp.TcpTransports#here")
    void bindsWithNamedThreadsAndLeavesNothingAfterShutdown(TcpTransport transport) throws Exception {
        TcpEventLoops loops = TcpEventLoops.start("tcptest", 1, transport);
        Channel channel = loops.bind(loops.bootstrap(16, 1024).childHandler(new ChannelInboundHandlerAdapter()),
                ANY_LOOPBACK_PORT);
        int port = ((InetSocketAddress) channel.localAddress()).getPort();
        try (Socket client = new Socket(InetAddress.getLoopbackAddress(), port)) {
            assertTrue(client.isConnected());
        }
        assertTrue(threadsNamed("fieldbench-tcptest-accept"), "the acceptor thread carries the server's name");
        channel.close().sync();
        loops.shutdown();
        assertFalse(threadsLeft("fieldbench-tcptest-"), "no thread of the loops is left after shutdown");
    }

    @ParameterizedTest(name = "over {0}")
    @MethodSource("io.fieldbench.server.support.tcp.TcpTransports#here")
    void aFailedBindIsTheJdksBindExceptionAndShutsTheLoopsDown(TcpTransport transport) throws Exception {
        TcpEventLoops holder = TcpEventLoops.start("tcpholder", 1, transport);
        Channel taken = holder.bind(holder.bootstrap(16).childHandler(new ChannelInboundHandlerAdapter()), ANY_LOOPBACK_PORT);
        try {
            TcpEventLoops loops = TcpEventLoops.start("tcpfailing", 1, transport);
            assertThrows(BindException.class, () -> loops.bind(loops.bootstrap(16)
                    .childHandler(new ChannelInboundHandlerAdapter()), (InetSocketAddress) taken.localAddress()));
            assertFalse(threadsLeft("fieldbench-tcpfailing-"), "no thread is left after a failed bind");
        } finally {
            taken.close().sync();
            holder.shutdown();
        }
    }

    @Test
    void theOutboundLimitIsPassedOnlyByMoreBytesWaiting() {
        EmbeddedChannel channel = new EmbeddedChannel();
        OutboundLimit limit = new OutboundLimit(0);
        assertTrue(limit.passed(channel).isEmpty(), "nothing waits yet");
        channel.write(Unpooled.wrappedBuffer(new byte[10]));
        String waiting = limit.passed(channel).orElseThrow();
        assertTrue(waiting.matches("\\d+ bytes waiting"), waiting);
        long bytes = Long.parseLong(waiting.substring(0, waiting.indexOf(' ')));
        assertTrue(new OutboundLimit(bytes).passed(channel).isEmpty(), "exactly the limit is allowed");
        channel.finishAndReleaseAll();
    }

    @Test
    void aResetIsToldFromOtherFailures() {
        assertTrue(PeerReset.isReset(new IOException("Connection reset by peer")));
        assertFalse(PeerReset.isReset(new IOException("Broken pipe")));
        assertFalse(PeerReset.isReset(new IllegalStateException("reset")), "only a socket failure");
        assertFalse(PeerReset.isReset(new IOException()), "no message");
    }

    /** Whether threads of this name are still alive after a bounded wait for them to end. */
    private static boolean threadsLeft(String prefix) throws InterruptedException {
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.getName().startsWith(prefix)) {
                thread.join(JOIN_MILLIS);
            }
        }
        return threadsNamed(prefix);
    }

    private static boolean threadsNamed(String prefix) {
        return Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.isAlive() && t.getName().startsWith(prefix));
    }
}
