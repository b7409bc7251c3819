package io.fieldbench.tests.distribution;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.fieldbench.sim.DeviceSimulator;
import io.fieldbench.sim.SimulationPlan;
import io.fieldbench.sim.SimulationResult;

/** What the benchmarks share: the device stream, the probe's counts, free ports, loss. */
final class BenchmarkFigures {

    private static final Pattern SAMPLES = Pattern.compile("samples=(\\d+) devices=(\\d+) p50=(\\d+)us p99=(\\d+)us");

    /** Samples the probe counted, and their latency from receipt to delivery, in microseconds. */
    record Counted(long count, long p50, long p99) {
    }

    private BenchmarkFigures() {
    }

    /** Text datagrams of this size from this many devices to a loopback port, paced at the rate (0: as fast as it goes). */
    static SimulationResult send(int port, int devices, int datagramBytes, long rate, long count) throws IOException {
        SimulationPlan plan = SimulationPlan.parse(List.of("--devices", Integer.toString(devices), "--rate", Long.toString(rate),
                "--format", "text", "--target", "127.0.0.1:" + port, "--count", Long.toString(count),
                "--size", Integer.toString(datagramBytes)));
        return new DeviceSimulator(plan).run();
    }

    /** The probe's figures in a bench ({@code probe:samples}). */
    static Counted samples(BenchProcess bench) throws InterruptedException {
        Matcher m = SAMPLES.matcher(bench.askUntil("probe:samples", line -> line.startsWith("samples="), "the sample count"));
        if (!m.find()) {
            throw new IllegalStateException("probe:samples answered in an unknown form");
        }
        return new Counted(Long.parseLong(m.group(1)), Long.parseLong(m.group(3)), Long.parseLong(m.group(4)));
    }

    static int freeUdpPort() throws IOException {
        try (DatagramSocket socket = new DatagramSocket(0)) {
            return socket.getLocalPort();
        }
    }

    static int freeTcpPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    static double lossPercent(long sent, long received) {
        return sent == 0 ? 0 : 100.0 * (sent - received) / sent;
    }
}
