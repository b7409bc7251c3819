package io.fieldbench.tests.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The classic Python socket tutorials' client programs, run unchanged against the shipped bench
 * with at most one documented setting each (README, "Coming from the Python tutorials").
 */
class TutorialClientsTest {

    private static final String UDP = "io.fieldbench.udp";

    @RegisterExtension
    final HeadlessBench headless = new HeadlessBench();

    @Test
    void udpTelemetryClientGetsReceivedAndItsOwnBytesBack() throws Exception {
        TutorialClient.assumeInstalled();
        int port = startUdp("--set", UDP + ".reply=ack");

        List<String> replies = TutorialClient.run("udp_telemetry_client.py", "127.0.0.1", Integer.toString(port));

        assertEquals(List.of(hex("Received:temp=21.5".getBytes(StandardCharsets.US_ASCII)),
                hex("Received:".getBytes(StandardCharsets.US_ASCII)) + "ff008041"), replies);
    }

    private int startUdp(String... settings) throws Exception {
        List<String> arguments = new ArrayList<>(List.of("--features", "udp,decoders,registry",
                "--set", UDP + ".port=0", "--set", UDP + ".bind.address=127.0.0.1"));
        arguments.addAll(List.of(settings));
        BenchProcess bench = headless.start(arguments.toArray(String[]::new));
        String headline = bench.askUntil("udp:status", line -> line.startsWith("running on 127.0.0.1:"), "the collector listening");
        return Integer.parseInt(headline.substring(headline.lastIndexOf(':') + 1).trim());
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
