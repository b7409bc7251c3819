package io.fieldbench.tests.distribution;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The bench when a resource runs out, and after it comes back: more chat clients than its open
 * file limit allows, a recording that cannot grow, an images folder that cannot be written. Each
 * says so in one line however often it fails, the rest of the bench goes on, and the resource is
 * used again once it is back. Loopback only; see docs/reliability.md, "Resource exhaustion".
 */
class ResourceExhaustionTest {

    private static final String CHAT = "io.fieldbench.chat";
    private static final String UDP = "io.fieldbench.udp";
    private static final String RECORDER = "io.fieldbench.recorder";
    private static final String FILES = "io.fieldbench.files";
    private static final String RELAY = "io.fieldbench.imagerelay";
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    private static final int SOCKET_TIMEOUT_MILLIS = 10_000;
    /** Files the bench may open beyond those it has: a few chat clients, then accepting fails. */
    private static final int OPEN_FILES_HEADROOM = 16;
    /** Clients that try to connect: far more than the headroom lets in. */
    private static final int CLIENTS = 4 * OPEN_FILES_HEADROOM;
    /** How long failures are left to repeat (accepting is tried every second) before the count of lines is taken. */
    private static final long REPEATS_MILLIS = 2_500;
    private static final String TOO_MANY_CLIENTS = " cannot accept new connections: Too many open files: the connected clients"
            + " are still served, new ones wait until some leave; raise the bench's limit (ulimit -n) for more clients";
    private static final Pattern ACCEPTING_AGAIN = Pattern.compile(
            ".* (Chat server|File service|Image relay) accepts new connections again; (\\d+) attempts failed meanwhile");
    /** Larger than what the loopback's socket buffers hold: a download of it is under way until its client reads. */
    private static final int LARGE_FILE = 32 * 1024 * 1024;
    /** Images sent while the folder cannot be written. */
    private static final int FLOOD = 20;
    /** Datagrams sent at once: even the kernel's default receive buffer holds them. */
    private static final int BURST = 250;
    private static final Pattern DROPPED = Pattern.compile("dropped: \\d+ \\(queue full \\d+, write failed (\\d+)\\)");

    @RegisterExtension
    final HeadlessBench headless = new HeadlessBench();

    /** Datagrams sent to the collector so far. */
    private long sentDatagrams;

    private Path log() {
        return headless.data().resolve("log/fieldbench.log");
    }

    private List<String> logLines(String containing) throws IOException {
        try (Stream<String> lines = Files.lines(log())) {
            return lines.filter(line -> line.contains(containing)).toList();
        }
    }

    private void awaitLog(String text) throws Exception {
        Poll.until(() -> Files.exists(log()) && !logLines(text).isEmpty(), "the log saying '" + text + "'");
    }

    private Socket client(int port) throws IOException {
        Socket socket = headless.closeAfter(new Socket(LOOPBACK, port));
        socket.setSoTimeout(SOCKET_TIMEOUT_MILLIS);
        return socket;
    }

    /** Far more clients than the open file limit lets in: the kernel completes each connection, the bench accepts what it can. */
    private List<Socket> crowd(int... ports) throws IOException {
        List<Socket> crowd = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            for (int port : ports) {
                crowd.add(client(port));
            }
        }
        return crowd;
    }

    /** The next line the server sent; once per socket, as the reader may take more. */
    private static String readLine(Socket socket) throws IOException {
        return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8)).readLine();
    }

    /**
     * The chat server and the image relay both crowded beyond the limit: each says so once, and each
     * that it accepts again once the crowds left, though the two take the freed files by turns.
     */
    @Test
    void chatAndRelayClientsBeyondTheOpenFileLimitWaitWhileTheConnectedOnesAndTheCollectorGoOn() throws Exception {
        RelayBench.writeToken(headless);
        BenchProcess bench = headless.start("--features", "udp,decoders,registry,chat,imagerelay",
                "--set", CHAT + ".port=0", "--set", CHAT + ".bind.address=127.0.0.1", "--set", CHAT + ".framing=line",
                "--set", UDP + ".port=0", "--set", UDP + ".bind.address=127.0.0.1",
                "--set", RELAY + ".port=0", "--set", RELAY + ".bind.address=127.0.0.1");
        int chatPort = bench.awaitListening("chat:status");
        // the relay's port from its page's address, a line no other status has: a late answer to an
        // earlier status command may still be read
        String page = bench.askUntil("imagerelay:status", line -> line.startsWith("http://127.0.0.1:"), "the relay's page");
        int relayPort = URI.create(page.substring(0, page.indexOf(' '))).getPort();
        int udpPort = bench.awaitListening("udp:status");
        Socket connected = client(chatPort);
        bench.askUntil("chat:status", "clients:   1 of at most 20000"::equals, "the first client connected");

        ProcessLimits limits = ProcessLimits.ofBench(headless.data());
        limits.limitOpenFiles(limits.openFiles() + OPEN_FILES_HEADROOM);
        List<Socket> crowd = crowd(chatPort, relayPort);
        awaitLog("Chat server" + TOO_MANY_CLIENTS);
        awaitLog("Image relay" + TOO_MANY_CLIENTS);

        // the connected client is heard and answered, and devices are still received and counted
        connected.getOutputStream().write("still here\n".getBytes(StandardCharsets.UTF_8));
        bench.askUntil("chat:log 1", line -> line.endsWith(" <- still here"), "the connected client heard");
        bench.ask("fb:broadcast hello all", line -> line.startsWith("sent 9 bytes to "), "the broadcast");
        assertEquals("hello all", readLine(connected));
        RecordSamplesTest.send(udpPort, "devF", 0, 100);
        bench.askUntil("fb:devices --count", line -> line.startsWith("1 device, 1 online, 100 packets"),
                "the collector receiving while no file can be opened");

        Thread.sleep(REPEATS_MILLIS); // time for accepting to fail again and again: that must add no line
        for (Socket client : crowd) {
            client.close();
        }
        assertAcceptingAgainAfterOneLine("Chat server", bench);
        assertAcceptingAgainAfterOneLine("Image relay", bench);

        Socket after = client(chatPort);
        after.getOutputStream().write("new here\n".getBytes(StandardCharsets.UTF_8));
        bench.askUntil("chat:status", "clients:   2 of at most 20000"::equals, "the crowd gone, a new client accepted");
        bench.ask("fb:broadcast welcome", "sent 7 bytes to 2 clients"::equals, "the broadcast to both");
        assertEquals("welcome", readLine(after));
        relayClient(relayPort); // the relay lets a phone in again
    }

    /** Once the crowd left: one line said accepting works again after repeated failures, and one line said they began. */
    private void assertAcceptingAgainAfterOneLine(String server, BenchProcess bench) throws Exception {
        awaitLog(server + " accepts new connections again");
        Matcher again = ACCEPTING_AGAIN.matcher(logLines(server + " accepts new connections again").get(0));
        assertTrue(again.matches(), again.toString());
        assertTrue(Integer.parseInt(again.group(2)) > 1, "the failures repeated: " + again.group());
        assertEquals(1, logLines(server + " cannot accept new connections").size(), "one line for all those failures");
        assertTrue(bench.errors().stream().noneMatch(line -> line.startsWith("\tat ")), "no stack trace: " + bench.errors());
    }

    @Test
    void fileClientsBeyondTheOpenFileLimitWaitADownloadThatCannotOpenItsFileIsRefusedAndOneUnderWayGoesOn() throws Exception {
        Path shared = Files.createDirectory(headless.home().resolve("shared-files"));
        byte[] large = new byte[LARGE_FILE];
        new Random(LARGE_FILE).nextBytes(large);
        Files.write(shared.resolve("large.bin"), large);
        Files.writeString(shared.resolve("hello.txt"), "hello\n");
        BenchProcess bench = headless.startServer("files", FILES, 0, "shared.folder=" + shared, "error.line=true");
        int port = bench.awaitListening("files:status");
        Socket downloading = client(port);
        downloading.getOutputStream().write("large.bin\n".getBytes(StandardCharsets.UTF_8));
        InputStream largeIn = downloading.getInputStream();
        byte[] received = largeIn.readNBytes(LARGE_FILE / 64); // under way: the rest waits in the socket until read
        ProcessLimits limits = ProcessLimits.ofBench(headless.data());
        long open = limits.openFiles();
        Socket asking = client(port); // connected before the limit: it asks for its file once no file can be opened
        Poll.until(() -> limits.openFiles() > open, "the asking client accepted");

        limits.limitOpenFiles(limits.openFiles() + OPEN_FILES_HEADROOM);
        List<Socket> crowd = crowd(port);
        awaitLog("File service" + TOO_MANY_CLIENTS);
        asking.getOutputStream().write("hello.txt\n".getBytes(StandardCharsets.UTF_8));
        assertEquals("ERROR cannot be opened: Too many open files", readLine(asking), "the refusal the client reads");
        awaitLog("\"hello.txt\" from 127.0.0.1:" + asking.getLocalPort() + ": cannot be opened: Too many open files");
        received = concat(received, largeIn.readAllBytes());
        assertArrayEquals(large, received, "the download under way went on to its end");

        Thread.sleep(REPEATS_MILLIS); // time for accepting to fail again and again: that must add no line
        for (Socket client : crowd) {
            client.close();
        }
        assertAcceptingAgainAfterOneLine("File service", bench);
        try (Socket after = new Socket(LOOPBACK, port)) {
            after.getOutputStream().write("hello.txt\n".getBytes(StandardCharsets.UTF_8));
            assertEquals("hello", readLine(after), "a new client served again");
        }
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] both = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }

    @Test
    void aRecordingThatCannotGrowIsOneLineWhileTheCollectorGoesOnAndResumesWhenItCan() throws Exception {
        BenchProcess bench = headless.start("--features", "udp,decoders,registry,recorder",
                "--set", UDP + ".port=0", "--set", UDP + ".bind.address=127.0.0.1",
                "--set", RECORDER + ".flush.interval.ms=100");
        int port = bench.awaitListening("udp:status");
        send(bench, port, "devA", 0, 2000);
        RecordSamplesTest.totals(bench, samples -> samples == 2000, "the first 2000 samples on disk");

        // the disk is full for the recording: not one more byte fits into its file (the log is smaller, and goes on)
        Path recording;
        try (Stream<Path> files = Files.list(headless.data().resolve("recordings"))) {
            recording = files.filter(Files::isRegularFile).findFirst().orElseThrow();
        }
        long full = Files.size(recording);
        assertTrue(Files.size(log()) < full / 2, "the log must stay below the limit: " + Files.size(log()) + " of " + full);
        ProcessLimits limits = ProcessLimits.ofBench(headless.data());
        limits.limitFileSize(full);

        send(bench, port, "devB", 0, 500);
        awaitLog("Recorder: cannot write to " + recording.getParent() + ": java.io.IOException: File too large; receiving goes on");
        bench.askUntil("fb:devices --count", line -> line.startsWith("2 devices, 2 online, 2500 packets"),
                "the collector and the registry going on");
        String dropped = bench.askUntil("rec:status", line -> DROPPED.matcher(line).matches()
                && Long.parseLong(matched(DROPPED, line).group(1)) == 500, "every sample that could not be written counted");
        assertEquals(full, Files.size(recording), "not a byte more in the recording");
        send(bench, port, "devB", 500, 500);
        Thread.sleep(REPEATS_MILLIS); // writing is tried again every 2 s: that must add no line
        assertEquals(1, logLines("Recorder: cannot write to").size(), "one line however often writing fails: " + dropped);

        // space is back: what arrives from then on is recorded again
        limits.unlimitFileSize();
        Poll.until(() -> {
            send(bench, port, "devC", 0, 1);
            return !logLines("Recorder: writing to " + recording.getParent() + " again; ").isEmpty();
        }, "the recorder writing again");
        send(bench, port, "devD", 0, 300);
        Poll.until(() -> recorded(bench, "devD") == 300, "everything sent after the space came back recorded");
        assertEquals(2000, recorded(bench, "devA"), "what was recorded before is whole");
    }

    /**
     * Sends samples in bursts that the smallest receive buffer holds, each received before the
     * next: a datagram lost here would be the machine's doing, not the bench's.
     */
    private void send(BenchProcess bench, int port, String device, int from, int count) throws Exception {
        for (int first = from; first < from + count; first += BURST) {
            int burst = Math.min(BURST, from + count - first);
            RecordSamplesTest.send(port, device, first, burst);
            sentDatagrams += burst;
            String received = "received:  " + sentDatagrams + " datagrams";
            bench.askUntil("udp:status", line -> line.startsWith(received), received);
        }
    }

    /** The samples of a device in the recording, as {@code fb:export} finds them. */
    private long recorded(BenchProcess bench, String device) throws Exception {
        Path csv = headless.data().resolve(device + ".csv");
        String answer = bench.ask("fb:export --devices " + device + " " + csv,
                line -> line.startsWith("exported ") || line.startsWith("error"), "the export's answer");
        return answer.startsWith("exported ") ? Files.readAllLines(csv).size() - 1 : 0;
    }

    @Test
    void anImagesFolderThatCannotBeWrittenIsOneLineEverySenderIsToldAndKeepingResumes() throws Exception {
        RelayBench relay = new RelayBench(headless);
        relay.start(0);
        int port = relay.awaitListening();
        WebSocketPeer sender = relayClient(port);
        WebSocketPeer other = relayClient(port);
        Path folder = headless.data().resolve("images");

        UnwritableFolder unwritable = headless.closeAfter(UnwritableFolder.of(folder));
        for (int i = 0; i < FLOOD; i++) {
            sender.sendImage("flood-" + i + ".png", "image/png", png(i));
            assertNotKept(sender.nextText(), "flood-" + i + ".png", unwritable);
        }
        other.sendImage("other.png", "image/png", png(FLOOD));
        assertNotKept(other.nextText(), "other.png", unwritable);
        WebSocketPeer late = relayClient(port); // the relay still lets clients in
        awaitLog("Image relay cannot keep images in " + folder + ": ");
        assertEquals(1, logLines("Image relay cannot keep images").size(), "one line for the whole flood");

        unwritable.restore();
        byte[] after = png(FLOOD + 1);
        sender.sendImage("after.png", "image/png", after);
        String stored = sender.nextText();
        assertTrue(stored.contains("\"type\":\"stored\""), stored);
        for (WebSocketPeer receiver : List.of(other, late)) {
            assertTrue(receiver.nextText().contains("\"name\":\"after.png\""), "relayed again");
            assertArrayEquals(after, receiver.nextBinary());
        }
        awaitLog("Image relay keeps images again; " + (FLOOD + 1) + " were not kept meanwhile");
    }

    private WebSocketPeer relayClient(int port) throws InterruptedException {
        WebSocketPeer peer = headless.closeAfter(WebSocketPeer.connect(port, RelayBench.TOKEN));
        assertTrue(peer.nextText().contains("\"type\":\"hello\""), "the hello comes first");
        return peer;
    }

    private static void assertNotKept(String reply, String name, UnwritableFolder unwritable) {
        assertTrue(reply.contains("\"type\":\"refused\"") && reply.contains("\"name\":\"" + name + "\"")
                && reply.contains("nothing was stored"), "the sender told, the folder " + unwritable.how() + ": " + reply);
    }

    /** A small PNG, different for each seed: the relay would take a repeat for one already kept. */
    private static byte[] png(int seed) throws IOException {
        BufferedImage image = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
        image.setRGB(seed % 8, seed / 8 % 8, 0xFFFFFF - seed);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ImageIO.write(image, "png", bytes);
        return bytes.toByteArray();
    }

    private static Matcher matched(Pattern pattern, String line) {
        Matcher matcher = pattern.matcher(line);
        assertTrue(matcher.matches(), line);
        return matcher;
    }
}
