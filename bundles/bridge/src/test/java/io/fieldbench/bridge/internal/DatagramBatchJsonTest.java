package io.fieldbench.bridge.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.fieldbench.api.sample.Datagram;

class DatagramBatchJsonTest {

    @Test
    void aDatagramReadBackKeepsItsBytesEndpointTimeAndProblem() {
        Datagram sent = new Datagram(new InetSocketAddress("203.0.113.9", 40112), Instant.ofEpochMilli(1_765_000_000_123L),
                new byte[] {(byte) 0xFF, 0, 'a'}, "not UTF-8 at byte 0");

        BatchJson.Batch<Datagram> batch = DatagramBatchJson.read(DatagramBatchJson.write("field", 5, 9, List.of(sent)));

        assertEquals("field", batch.site());
        assertEquals(9, batch.seq());
        Datagram back = batch.items().get(0);
        assertArrayEquals(sent.payload(), back.payload());
        assertEquals("203.0.113.9:40112", back.endpoint());
        assertEquals(sent.receivedAt(), back.receivedAt());
        assertEquals("not UTF-8 at byte 0", back.problem());
    }
}
