package io.fieldbench.udp.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The warm-up runs the whole receive path of each transport over loopback. */
class IntakeWarmUpTest {

    @ParameterizedTest
    @MethodSource("io.fieldbench.udp.internal.Transports#here")
    void everyWarmUpDatagramComesThroughTheReceivePath(DatagramTransport transport) throws Exception {
        assertEquals(IntakeWarmUp.BURSTS * IntakeWarmUp.BURST, IntakeWarmUp.run(transport));
    }
}
