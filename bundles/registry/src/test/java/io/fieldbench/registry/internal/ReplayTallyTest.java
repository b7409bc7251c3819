package io.fieldbench.registry.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;

import io.fieldbench.api.sample.Datagram;
import io.fieldbench.api.sample.Sample;
import io.fieldbench.registry.internal.ReplayTally.Replayed;

class ReplayTallyTest {

    private static final InetSocketAddress SOURCE = new InetSocketAddress("127.0.0.1", 40_001);
    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

    private final ReplayTally tally = new ReplayTally();

    @Test
    void nothingReplayedSaysSo() {
        assertEquals(Replayed.NONE, tally.replayed(0));
    }

    @Test
    void countsSamplesAndDevicesWhileBatchesComeAndKeepsThemWhenTheyStop() {
        tally.count(List.of(sample("dev1"), sample("dev2"), new Datagram(SOURCE, T0, new byte[3], null)), 0);
        tally.count(List.of(sample("dev1")), 1_000);

        assertEquals(new Replayed(3, 2, true), tally.replayed(1_000 + ReplayTally.QUIET_NANOS - 1));
        assertEquals(new Replayed(3, 2, false), tally.replayed(1_000 + ReplayTally.QUIET_NANOS));
    }

    @Test
    void aBatchAfterAQuietGapStartsANewTally() {
        tally.count(List.of(sample("dev1"), sample("dev2")), 0);
        tally.count(List.of(sample("dev3")), ReplayTally.QUIET_NANOS);

        assertEquals(new Replayed(1, 1, true), tally.replayed(ReplayTally.QUIET_NANOS));
    }

    private static Sample sample(String device) {
        return new Sample(device, SOURCE, T0, "text", OptionalLong.empty(), Map.of("temp", 21.5), Map.of(), 20);
    }
}
