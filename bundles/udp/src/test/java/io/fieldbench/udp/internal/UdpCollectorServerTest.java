package io.fieldbench.udp.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.BindException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.fieldbench.api.sample.Endpoints;

/** The collector's socket on loopback, over each transport: whole datagrams, replies from the same port, a port freed at once. */
class UdpCollectorServerTest {

    private static final int RECEIVE_BUFFER = 1 << 20;
    private static final int TIMEOUT_MILLIS = 5_000;
    /** linux/capability.h */
    private static final int CAP_NET_ADMIN = 12;
    private static final Path RMEM_MAX = Path.of("/proc/sys/net/core/rmem_max");

    private final CollectorCounters counters = new CollectorCounters();
    private final DecodeQueue queue = new DecodeQueue();
    private volatile ReplyPolicy replies = ReplyPolicy.NONE;
    private UdpCollectorServer server;

    @AfterEach
    void close() {
        if (server != null) {
            server.close();
        }
    }

    /** A socket that reads, as the collector's does once the bench has started. */
    private UdpCollectorServer bind(DatagramTransport transport, InetSocketAddress endpoint) throws Exception {
        UdpCollectorServer bound = bindHolding(transport, endpoint);
        bound.startReading();
        return bound;
    }

    private UdpCollectorServer bindHolding(DatagramTransport transport, InetSocketAddress endpoint) throws Exception {
        return bindHolding(transport, endpoint, RECEIVE_BUFFER);
    }

    private UdpCollectorServer bindHolding(DatagramTransport transport, InetSocketAddress endpoint, int receiveBuffer)
            throws Exception {
        return UdpCollectorServer.bind(endpoint, receiveBuffer, transport, new UdpCollectorInitializer(() -> replies, queue, counters, Clock.systemUTC()));
    }

    private RawDatagram next() throws InterruptedException {
        RawDatagram datagram = queue.poll(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
        if (datagram == null) {
            throw new AssertionError("no datagram within " + TIMEOUT_MILLIS + " ms");
        }
        return datagram;
    }

    @ParameterizedTest
    @MethodSource("io.fieldbench.udp.internal.Transports#here")
    void receivesDatagramsWholeUpToTheLargestWithTheirSender(DatagramTransport transport) throws Exception {
        server = bind(transport, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        int[] sizes = {0, 1, 2049, UdpCollectorInitializer.MAX_DATAGRAM};

        try (DatagramSocket device = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            for (int size : sizes) {
                device.send(new DatagramPacket(new byte[size], size, server.localAddress()));
            }
            List<Integer> received = new ArrayList<>();
            for (int i = 0; i < sizes.length; i++) {
                RawDatagram datagram = next();
                received.add(datagram.payload().length);
                assertEquals(device.getLocalPort(), datagram.source().getPort());
            }
            assertEquals(List.of(0, 1, 2049, 65_507), received);
        }
        assertTrue(server.grantedReceiveBuffer() > 0);
    }

    @ParameterizedTest
    @MethodSource("io.fieldbench.udp.internal.Transports#here")
    void holdsWhatArrivesBeforeItReadsAndThenReadsItAllInOrder(DatagramTransport transport) throws Exception {
        server = bindHolding(transport, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));

        try (DatagramSocket device = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            for (int seq = 0; seq < 100; seq++) {
                byte[] payload = ("seq=" + seq).getBytes(StandardCharsets.US_ASCII);
                device.send(new DatagramPacket(payload, payload.length, server.localAddress()));
            }
            assertNull(queue.poll(200, TimeUnit.MILLISECONDS), "nothing read before startReading");

            server.startReading();
            for (int seq = 0; seq < 100; seq++) {
                assertEquals("seq=" + seq, new String(next().payload(), StandardCharsets.US_ASCII));
            }
        }
    }

    @ParameterizedTest
    @MethodSource("io.fieldbench.udp.internal.Transports#here")
    void repliesFromItsOwnPortToTheSender(DatagramTransport transport) throws Exception {
        replies = new ReplyPolicy(ReplyMode.ACK, "Received:%s", StandardCharsets.UTF_8);
        server = bind(transport, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));

        try (DatagramSocket device = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            device.setSoTimeout(TIMEOUT_MILLIS);
            byte[] hello = "id=7,t=21.5".getBytes(StandardCharsets.UTF_8);
            device.send(new DatagramPacket(hello, hello.length, server.localAddress()));
            DatagramPacket reply = new DatagramPacket(new byte[1024], 1024);
            device.receive(reply);

            assertEquals("Received:id=7,t=21.5", new String(reply.getData(), 0, reply.getLength(), StandardCharsets.UTF_8));
            assertEquals(server.localAddress().getPort(), reply.getPort());
        }
    }

    @ParameterizedTest
    @MethodSource("io.fieldbench.udp.internal.Transports#here")
    void echoesABurstOfDatagramsOfEverySizeWholeAndOnce(DatagramTransport transport) throws Exception {
        replies = new ReplyPolicy(ReplyMode.ECHO, "", StandardCharsets.UTF_8);
        server = bind(transport, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        // an empty datagram gets no echo (UDP can carry it, Netty does not send it); the last one shows that nothing came twice
        int[] sizes = {0, 1, 2049, UdpCollectorInitializer.MAX_DATAGRAM, 7};

        try (DatagramSocket device = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            device.setSoTimeout(TIMEOUT_MILLIS);
            for (int size : sizes) {
                device.send(new DatagramPacket(new byte[size], size, server.localAddress()));
            }
            List<Integer> echoed = new ArrayList<>();
            for (int i = 1; i < sizes.length; i++) {
                DatagramPacket reply = new DatagramPacket(new byte[65_535], 65_535);
                device.receive(reply);
                echoed.add(reply.getLength());
            }
            assertEquals(List.of(1, 2049, 65_507, 7), echoed);
        }
    }

    @ParameterizedTest
    @MethodSource("io.fieldbench.udp.internal.Transports#here")
    void aPortInUseFailsWithTheSocketsOwnExceptionAndCloseFreesThePortAtOnce(DatagramTransport transport) throws Exception {
        try (DatagramSocket other = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            InetSocketAddress taken = new InetSocketAddress(InetAddress.getLoopbackAddress(), other.getLocalPort());
            BindException failure = assertThrows(BindException.class, () -> bind(transport, taken));
            assertEquals("UDP port " + taken.getPort() + " is in use by another program: stop it or choose another port in"
                    + " Settings / <data>/etc/io.fieldbench.udp.cfg", UdpCollector.BIND_PROBLEM.describe(failure, "127.0.0.1", taken.getPort()));
        }

        server = bind(transport, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        InetSocketAddress bound = server.localAddress();
        server.close();
        server = null;
        try (DatagramSocket after = new DatagramSocket(bound)) {
            assertEquals(bound.getPort(), after.getLocalPort());
        }
        server = bind(transport, bound); // and the collector can take it again
        assertEquals(bound, server.localAddress());
    }

    @ParameterizedTest
    @MethodSource("io.fieldbench.udp.internal.Transports#here")
    void listensOnIpv6Loopback(DatagramTransport transport) throws Exception {
        InetAddress ipv6Loopback = InetAddress.getByName("::1");
        server = bind(transport, new InetSocketAddress(ipv6Loopback, 0));

        try (DatagramSocket device = new DatagramSocket(new InetSocketAddress(ipv6Loopback, 0))) {
            device.send(new DatagramPacket(new byte[] {7}, 1, server.localAddress()));
            RawDatagram datagram = next();
            assertEquals(ipv6Loopback, datagram.source().getAddress());
            assertTrue(Endpoints.of(datagram.source()).startsWith("[0:0:0:0:0:0:0:1]:"), Endpoints.of(datagram.source()));
        }
    }

    /** Linux limits SO_RCVBUF to net.core.rmem_max, and reports twice what it granted; epoll asks past the limit when it may. */
    @ParameterizedTest
    @MethodSource("io.fieldbench.udp.internal.Transports#here")
    void saysTheBufferItGotBeyondTheSystemLimitOnlyOnEpollWithCapNetAdmin(DatagramTransport transport) throws Exception {
        assumeTrue(Files.exists(RMEM_MAX), "Linux's limit");
        int limit = Integer.parseInt(Files.readAllLines(RMEM_MAX).get(0).trim());
        int asked = limit + (1 << 20);
        server = bindHolding(transport, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), asked);
        boolean forced = transport instanceof EpollTransport && hasCapNetAdmin();
        assertEquals(forced ? asked : limit, server.grantedReceiveBuffer());
    }

    private static boolean hasCapNetAdmin() throws IOException {
        long effective = Files.readAllLines(Path.of("/proc/self/status")).stream().filter(line -> line.startsWith("CapEff:"))
                .mapToLong(line -> Long.parseUnsignedLong(line.substring("CapEff:".length()).trim(), 16)).findFirst().orElse(0);
        return (effective & (1L << CAP_NET_ADMIN)) != 0;
    }
}
