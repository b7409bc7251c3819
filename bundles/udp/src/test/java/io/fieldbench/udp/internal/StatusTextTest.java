package io.fieldbench.udp.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.fieldbench.server.support.ServerControl.State;
import io.fieldbench.udp.internal.CollectorCounters.Totals;

class StatusTextTest {

    private static final CollectorSettings SETTINGS = TestConfig.settings(Map.of("reply", "ack"));

    private static CollectorStatus status(State state, String problem, long kernelDrops) {
        return new CollectorStatus(state, "0.0.0.0:9999", problem, 8_388_608, state == State.RUNNING ? 4_194_304 : 0,
                "epoll (recvmmsg, up to 14 datagrams a call)",
                new Totals(12, 3456, 2, 1, kernelDrops, 0), 12.0, 2048.0, SETTINGS, List.of("text", "json"));
    }

    @Test
    void thePortInUseProblemIsTheHeadline() {
        String problem = "UDP port 9999 is in use by another program: stop it or choose another port in Settings / <data>/etc/io.fieldbench.udp.cfg";

        assertEquals("stopped: " + problem, StatusText.headline(status(State.STOPPED, problem, -1)));
    }

    @Test
    void aCollectorWaitingForTheBenchSaysItStartsAndWhereItWillListen() {
        assertEquals("starting: bound on 0.0.0.0:9999, reads once the other features have started",
                StatusText.headline(status(State.WAITING, "", -1)));
    }

    @Test
    void showsCountsDropsBufferAndDecoding() {
        String text = StatusText.of(status(State.RUNNING, "", 3));

        assertEquals(List.of(
                "running on 0.0.0.0:9999",
                "received:  12 datagrams, 3456 bytes; 12 datagrams/s, 2.0 KiB/s",
                "dropped:   1 in the queue, 3 by the kernel; 2 decode errors; 0 replies failed",
                "buffer:    4194304 bytes granted, 8388608 asked",
                "transport: epoll (recvmmsg, up to 14 datagrams a call)",
                "decoding:  auto (text, json), UTF-8; reply ack \"Received:%s\""), text.lines().toList());
    }

    @Test
    void saysWhenTheKernelDoesNotTell() {
        assertTrue(StatusText.of(status(State.STOPPED, "", -1)).contains("unknown by the kernel"));
    }
}
