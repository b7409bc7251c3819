package io.fieldbench.udp.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class DecodeQueueTest {

    private static RawDatagram datagram(int size) {
        return new RawDatagram(new InetSocketAddress("127.0.0.1", 1), Instant.EPOCH, new byte[size]);
    }

    @Test
    void isBoundedByBytesSoThatLargeDatagramsCannotFillTheHeap() {
        int large = UdpCollectorInitializer.MAX_DATAGRAM;
        DecodeQueue queue = new DecodeQueue(1_000, 3L * (large + DecodeQueue.OVERHEAD_BYTES));

        assertTrue(queue.offer(datagram(large)));
        assertTrue(queue.offer(datagram(large)));
        assertTrue(queue.offer(datagram(large)));
        assertFalse(queue.offer(datagram(large)), "a fourth would pass the byte limit");

        List<RawDatagram> drained = new ArrayList<>();
        assertEquals(2, queue.drainTo(drained, 2));
        assertTrue(queue.offer(datagram(large)), "draining frees the bytes");
        assertTrue(queue.offer(datagram(large)));
        assertFalse(queue.offer(datagram(1)), "only the overhead is left, less than one more datagram");
    }

    @Test
    void isBoundedByCount() {
        DecodeQueue queue = new DecodeQueue(2, Long.MAX_VALUE);

        assertTrue(queue.offer(datagram(0)));
        assertTrue(queue.offer(datagram(0)));
        assertFalse(queue.offer(datagram(0)));
        assertEquals(2, queue.size());
    }

    @Test
    void aWaitingDecodeThreadIsWokenByTheBurstNotByItsTimeout() throws Exception {
        DecodeQueue queue = new DecodeQueue();
        CompletableFuture<RawDatagram> polled = WaitingDecodeThread.start(queue);
        RawDatagram datagram = datagram(1);

        assertTrue(queue.offer(datagram));
        queue.wakeConsumer();

        assertSame(datagram, polled.get(1, TimeUnit.MINUTES));
    }
}
