package io.fieldbench.udp.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.fieldbench.api.sample.Datagram;

class TrafficEntryTest {

    @Test
    void keepsOnlyTheHeadOfALargeDatagramAndItsWholeLength() {
        Datagram large = new Datagram(new InetSocketAddress("127.0.0.1", 40_001), Instant.EPOCH, new byte[65_507], "");

        TrafficEntry entry = TrafficEntry.of(large);

        assertEquals(65_507, entry.length());
        assertEquals(TrafficEntry.SHOWN_BYTES * 3 - 1 + " …".length(),
                entry.shown(new PayloadFormat(true, StandardCharsets.UTF_8)).length());
    }
}
