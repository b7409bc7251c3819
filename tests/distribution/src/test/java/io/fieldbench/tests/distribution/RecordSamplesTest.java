package io.fieldbench.tests.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.LongPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The recorder of the shipped bench, fed through the UDP collector and the text decoder on
 * loopback: what devices send is in the recording with identical values, and the files stay
 * readable when the recorder is stopped mid-write and when the process is killed mid-write.
 * The files are read back by the bench's own reader: {@code rec:list} and {@code fb:export}.
 */
class RecordSamplesTest {

    static final String UDP = "io.fieldbench.udp";
    static final String FEATURES = "udp,decoders,recorder";
    /** The totals line of {@code rec:list}. */
    static final Pattern TOTALS = Pattern.compile("(\\d+) files, (\\d+) samples, (\\d+) datagrams, (\\d+) torn tails, (\\d+) damaged in .*");

    @RegisterExtension
    final HeadlessBench headless = new HeadlessBench();

    /** The bench and its collector's port. */
    record Running(BenchProcess bench, int port) {
    }

    @Test
    void sentSamplesAreRecordedWithIdenticalValues() throws Exception {
        Running running = start(headless);
        send(running.port(), "devR", 0, 200);
        simulate(headless, "--devices", "5", "--rate", "2000", "--format", "text", "--target", "127.0.0.1:" + running.port(),
                "--count", "500");

        totals(running.bench(), samples -> samples == 700, "the 200 sent and the 500 simulated samples");
        List<String[]> rows = export(running.bench(), headless.data().resolve("devR.csv"), "--devices devR --format long");
        assertEquals(400, rows.size(), "two channels of 200 samples");
        for (int i = 0; i < 200; i++) {
            String[] temp = rows.get(2 * i + 1);
            String[] hum = rows.get(2 * i);
            assertEquals("hum", hum[3]);
            assertEquals("temp", temp[3]);
            assertEquals(hum(i), Double.parseDouble(hum[4]), "hum of sample " + i);
            assertEquals(temp(i), Double.parseDouble(temp[4]), "temp of sample " + i);
        }
    }

    @Test
    void aRecordingSurvivesTheRecorderStoppedMidWrite() throws Exception {
        Running running = start(headless);
        try (BenchProcess stream = headless.closeAfter(simulator(headless, "--devices", "10", "--rate", "5000",
                "--format", "text", "--target", "127.0.0.1:" + running.port(), "--seconds", "4"))) {
            totals(running.bench(), samples -> samples > 1000, "samples arriving");
            running.bench().send("fb:disable recorder");
            running.bench().askUntil("rec:status", line -> line.contains("not found"), "the recorder stopped");
            stream.awaitLine(line -> line.startsWith("sent "), "the simulator's summary");
        }
        running.bench().send("fb:enable recorder");
        long[] before = totals(running.bench(), samples -> samples > 1000, "the recording read back");
        assertEquals(1, before[0], "one file: the stopped recorder closed it cleanly, so no part 2 was needed");
        assertEquals(0, before[3] + before[4], "no torn tail, no damage");
        send(running.port(), "devR", 0, 10);
        long[] after = totals(running.bench(), samples -> samples >= before[1] + 10, "ten more appended");
        assertEquals(1, after[0], "appended to the same file");
        assertEquals(10, export(running.bench(), headless.data().resolve("devR.csv"), "--devices devR").size());
    }

    @Test
    void aRecordingSurvivesTheProcessKilledMidWrite() throws Exception {
        Running running = start(headless);
        send(running.port(), "devK", 0, 300);
        // read from the files while the bench runs: flushed within the interval, not at close
        totals(running.bench(), samples -> samples == 300, "the 300 samples flushed to the file");
        long[] seen;
        try (BenchProcess stream = headless.closeAfter(simulator(headless, "--devices", "10", "--rate", "20000",
                "--format", "text", "--target", "127.0.0.1:" + running.port(), "--seconds", "10"))) {
            seen = totals(running.bench(), samples -> samples > 5000, "the stream being written");
            running.bench().close(); // SIGKILL, mid-write
        }

        BenchProcess again = headless.start("--features", FEATURES);
        long[] after = totals(again, samples -> samples >= seen[1], "at least what was on disk before the kill");
        assertEquals(0, after[4], "no file damaged, at most a torn tail");
        List<String[]> rows = export(again, headless.data().resolve("devK.csv"), "--devices devK --channels temp,hum");
        assertEquals(300, rows.size());
        for (int i = 0; i < 300; i++) {
            assertEquals("devK", rows.get(i)[2], "device of " + i);
            assertEquals(temp(i), Double.parseDouble(rows.get(i)[3]), "temp of " + i);
            assertEquals(hum(i), Double.parseDouble(rows.get(i)[4]), "hum of " + i);
        }
    }

    // ---- shared with the replay and export tests ----

    static double temp(int i) {
        return i * 0.1 + 1e-7;
    }

    static double hum(int i) {
        return -i / 7.0;
    }

    /** Starts the bench with the collector on a free loopback port and the recorder. */
    static Running start(HeadlessBench headless, String... extra) throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of("--features", FEATURES, "--set", UDP + ".port=0",
                "--set", UDP + ".bind.address=127.0.0.1"));
        args.addAll(List.of(extra));
        BenchProcess bench = headless.start(args.toArray(String[]::new));
        String headline = bench.askUntil("udp:status", line -> line.startsWith("running on 127.0.0.1:"), "the collector listening");
        return new Running(bench, Integer.parseInt(headline.substring(headline.lastIndexOf(':') + 1).trim()));
    }

    /** Sends samples {@code from} .. {@code from + count - 1} of a device, one datagram each: seq, temp and hum. */
    static void send(int port, String device, int from, int count) throws IOException {
        InetSocketAddress collector = new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            for (int i = from; i < from + count; i++) {
                byte[] payload = ("id=" + device + ",seq=" + i + ",temp=" + temp(i) + ",hum=" + hum(i)).getBytes(StandardCharsets.US_ASCII);
                socket.send(new DatagramPacket(payload, payload.length, collector));
            }
        }
    }

    /**
     * Asks {@code rec:list} until its sample total passes the check; gives files, samples,
     * datagrams, torn tails, damaged.
     */
    static long[] totals(BenchProcess bench, LongPredicate samples, String what) throws InterruptedException {
        String line = bench.askUntil("rec:list", text -> {
            Matcher totals = TOTALS.matcher(text);
            return totals.matches() && samples.test(Long.parseLong(totals.group(2)));
        }, what);
        Matcher totals = TOTALS.matcher(line);
        assertTrue(totals.matches());
        long[] values = new long[5];
        for (int i = 0; i < 5; i++) {
            values[i] = Long.parseLong(totals.group(i + 1));
        }
        return values;
    }

    /** Runs {@code fb:export OPTIONS FILE}; gives the CSV's rows without the header. */
    static List<String[]> export(BenchProcess bench, Path file, String options) throws Exception {
        return export(bench, file, file, options);
    }

    /** Runs {@code fb:export OPTIONS NAME}, which writes {@code file}; gives its rows without the header. */
    static List<String[]> export(BenchProcess bench, Path name, Path file, String options) throws Exception {
        bench.send("fb:export " + options + " " + name);
        String answer = bench.awaitLine(line -> line.startsWith("exported ") || line.startsWith("error"), "the export's answer");
        assertTrue(answer.startsWith("exported "), answer);
        assertTrue(answer.endsWith(" to " + file.toAbsolutePath().normalize()), "written to " + file + ": " + answer);
        List<String> lines = Files.readAllLines(file);
        return lines.subList(1, lines.size()).stream().map(line -> line.split(",", -1)).toList();
    }

    static BenchProcess simulator(HeadlessBench headless, String... args) throws IOException {
        String[] all = new String[args.length + 1];
        all[0] = "simulate";
        System.arraycopy(args, 0, all, 1, args.length);
        return BenchProcess.start(headless.home(), Map.of(), all);
    }

    /** Runs {@code fieldbench simulate} to its end. */
    static void simulate(HeadlessBench headless, String... args) throws Exception {
        try (BenchProcess simulator = simulator(headless, args)) {
            simulator.awaitLine(line -> line.startsWith("sent "), "the simulator's summary");
            assertEquals(0, simulator.awaitExit(), "stderr: " + simulator.errors());
        }
    }
}
