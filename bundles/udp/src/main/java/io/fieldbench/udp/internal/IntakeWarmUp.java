package io.fieldbench.udp.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the collector's receive path (socket, I/O thread, intake, queue) over a throwaway loopback
 * socket before the collector first listens, so that its I/O thread is compiled code when the first
 * devices' datagrams arrive. An interpreted I/O thread reads too slowly for 100 000 datagrams/s,
 * and the kernel drops what the receive buffer cannot hold: some 50 ms of such a stream. Best
 * effort: whatever goes wrong only ends the warm-up early.
 */
final class IntakeWarmUp {

    /** Datagrams sent before taking them back from the queue, so that the throwaway socket's buffer never overflows. */
    static final int BURST = 256;
    /** 51 200 datagrams: enough for the JIT to compile the per-datagram path with full optimisation. */
    static final int BURSTS = 200;
    /** The longest a burst may take to come through; past it the warm-up ends. */
    static final long BURST_TIMEOUT_MILLIS = 1_000;
    private static final int RECEIVE_BUFFER = 1 << 20;
    private static final byte[] PAYLOAD = "id=warm-up,seq=1,t=21.50,h=40.20,p=1013.25,v=3.300,state=ok,note=collector warm-up"
            .getBytes(StandardCharsets.UTF_8);

    private IntakeWarmUp() {
    }

    /** Sends up to {@link #BURSTS} bursts through a throwaway socket of this transport; gives how many came through. */
    static int run(DatagramTransport transport) throws Exception {
        DecodeQueue queue = new DecodeQueue();
        UdpCollectorServer server = UdpCollectorServer.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                RECEIVE_BUFFER, transport,
                new UdpCollectorInitializer(() -> ReplyPolicy.NONE, queue, new CollectorCounters(), Clock.systemUTC()));
        server.startReading();
        try (DatagramChannel sender = DatagramChannel.open()) {
            return pass(sender, server.localAddress(), queue);
        } finally {
            server.close();
        }
    }

    private static int pass(DatagramChannel sender, InetSocketAddress target, DecodeQueue queue)
            throws IOException, InterruptedException {
        ByteBuffer payload = ByteBuffer.wrap(PAYLOAD);
        List<RawDatagram> received = new ArrayList<>(BURST);
        int through = 0;
        for (int burst = 0; burst < BURSTS; burst++) {
            for (int i = 0; i < BURST; i++) {
                sender.send(payload.rewind(), target);
            }
            for (int taken = 0; taken < BURST; taken += received.size()) {
                received.clear();
                RawDatagram first = queue.poll(BURST_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
                if (first == null) {
                    return through + taken;
                }
                received.add(first);
                queue.drainTo(received, BURST - taken - 1);
            }
            through += BURST;
        }
        return through;
    }
}
