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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

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

    @Test
    void aFewDatagramsWakeAWaitingDecodeThreadOnceTheDelayIsOver() throws Exception {
        DecodeQueue queue = new DecodeQueue();
        EmbeddedChannel channel = new EmbeddedChannel(new DatagramIntakeHandler(queue, counters, Clock.systemUTC()));
        channel.freezeTime();
        CompletableFuture<RawDatagram> polled = WaitingDecodeThread.start(queue);

        channel.writeInbound(new DatagramPacket(Unpooled.wrappedBuffer(new byte[] {1}), COLLECTOR, DEVICE));
        channel.advanceTimeBy(DatagramIntakeHandler.WAKE_DELAY_MICROS, TimeUnit.MICROSECONDS);
        channel.runScheduledPendingTasks();

        assertArrayEquals(new byte[] {1}, polled.get(1, TimeUnit.MINUTES).payload());
        assertFalse(channel.finish());
    }

    @Test
    void aReadThatLeavesEnoughQueuedWakesAWaitingDecodeThreadAtOnce() throws Exception {
        DecodeQueue queue = new DecodeQueue();
        EmbeddedChannel channel = new EmbeddedChannel(new DatagramIntakeHandler(queue, counters, Clock.systemUTC()));
        channel.freezeTime(); // the delayed wake-up never comes: only the count can wake it
        CompletableFuture<RawDatagram> polled = WaitingDecodeThread.start(queue);
        Object[] burst = new Object[DatagramIntakeHandler.WAKE_AT];
        for (int i = 0; i < burst.length; i++) {
            burst[i] = new DatagramPacket(Unpooled.wrappedBuffer(new byte[] {(byte) i}), COLLECTOR, DEVICE);
        }

        channel.writeInbound(burst);

        assertArrayEquals(new byte[] {0}, polled.get(1, TimeUnit.MINUTES).payload());
        assertEquals(burst.length - 1, queue.size(), "the rest waits for the next look");
        assertFalse(channel.finish());
    }
}
