package io.fieldbench.udp.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.channel.socket.DatagramPacket;

class DatagramIntakeHandlerTest {

    private static final InetSocketAddress COLLECTOR = new InetSocketAddress("127.0.0.1", 9999);
    private static final InetSocketAddress DEVICE = new InetSocketAddress("127.0.0.1", 40_001);
    private static final Instant NOW = Instant.parse("2026-11-21T10:15:30Z");

    private final CollectorCounters counters = new CollectorCounters();

    @Test
    void queuesEveryDatagramWholeWithItsSenderAndTimeAndReleasesTheBuffer() {
        DecodeQueue queue = new DecodeQueue();
        EmbeddedChannel channel = new EmbeddedChannel(new DatagramIntakeHandler(queue, counters, Clock.fixed(NOW, ZoneOffset.UTC)));
        List<ByteBuf> buffers = new ArrayList<>();
        int[] sizes = {0, 1, 2049, UdpCollectorInitializer.MAX_DATAGRAM};

        for (int size : sizes) {
            ByteBuf buffer = Unpooled.buffer(size).writeZero(size);
            buffers.add(buffer);
            channel.writeInbound(new DatagramPacket(buffer, COLLECTOR, DEVICE));
        }

        List<RawDatagram> queued = new ArrayList<>();
        queue.drainTo(queued, 10);
        assertEquals(sizes.length, queued.size());
        for (int i = 0; i < sizes.length; i++) {
            assertEquals(sizes[i], queued.get(i).payload().length);
            assertEquals(DEVICE, queued.get(i).source());
            assertEquals(NOW, queued.get(i).receivedAt());
            assertEquals(0, buffers.get(i).refCnt(), "the intake is the end of the pipeline: it releases");
        }
        assertEquals(new CollectorCounters.Totals(4, 0 + 1 + 2049 + 65_507, 0, 0, -1, 0), counters.totals(-1));
        assertFalse(channel.finish());
    }

    @Test
    void countsWhatAFullQueueCannotTake() {
        DecodeQueue queue = new DecodeQueue(2, Long.MAX_VALUE);
        EmbeddedChannel channel = new EmbeddedChannel(new DatagramIntakeHandler(queue, counters, Clock.systemUTC()));

        for (int i = 0; i < 5; i++) {
            channel.writeInbound(new DatagramPacket(Unpooled.wrappedBuffer(new byte[] {(byte) i}), COLLECTOR, DEVICE));
        }

        CollectorCounters.Totals totals = counters.totals(-1);
        assertEquals(5, totals.datagrams(), "every datagram is counted as received");
        assertEquals(3, totals.queueDrops());
        List<RawDatagram> queued = new ArrayList<>();
        queue.drainTo(queued, 10);
        assertArrayEquals(new byte[] {0}, queued.get(0).payload());
        assertArrayEquals(new byte[] {1}, queued.get(1).payload());
        assertFalse(channel.finish());
    }
}
