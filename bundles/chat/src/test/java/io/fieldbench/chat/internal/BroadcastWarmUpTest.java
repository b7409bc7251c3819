package io.fieldbench.chat.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.fieldbench.server.support.tcp.TcpTransport;

/** The warm-up runs the whole broadcast path of each transport over loopback, in each framing. */
class BroadcastWarmUpTest {

    @ParameterizedTest(name = "over {0}")
    @MethodSource("io.fieldbench.server.support.tcp.TcpTransports#here")
    void everyWarmUpWriteReachesAThrowawayClient(TcpTransport transport) throws Exception {
        for (String framing : new String[] {"line", "length", "raw"}) {
            assertEquals(BroadcastWarmUp.CLIENTS * BroadcastWarmUp.BROADCASTS,
                    BroadcastWarmUp.run(transport, TestConfig.framing(framing).settings()), framing);
        }
    }
}
