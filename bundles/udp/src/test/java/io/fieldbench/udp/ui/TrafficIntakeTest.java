package io.fieldbench.udp.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.fieldbench.api.sample.Datagram;

class TrafficIntakeTest {

    private static Datagram datagram(int size) {
        return new Datagram(new InetSocketAddress("127.0.0.1", 40_001), Instant.EPOCH, new byte[size], "");
    }

    @Test
    void holdsWhatFitsAndCountsTheRest() {
        TrafficIntake intake = new TrafficIntake(3);

        intake.offer(Collections.nCopies(5, datagram(10)));

        assertEquals(3, intake.waiting());
        assertEquals(2, intake.dropped());
        List<TrafficEntry> drained = new ArrayList<>();
        intake.drainTo(drained, 2);
        assertEquals(2, drained.size());
        assertEquals(1, intake.waiting());
    }

    @Test
    void keepsOnlyTheHeadOfALargeDatagram() {
        TrafficIntake intake = new TrafficIntake(1);

        intake.offer(List.of(datagram(65_507)));

        List<TrafficEntry> drained = new ArrayList<>();
        intake.drainTo(drained, 1);
        assertEquals(65_507, drained.get(0).length());
        assertEquals(TrafficEntry.SHOWN_BYTES * 3 - 1 + " …".length(),
                drained.get(0).shown(new PayloadFormat(true, java.nio.charset.StandardCharsets.UTF_8)).length());
    }
}
