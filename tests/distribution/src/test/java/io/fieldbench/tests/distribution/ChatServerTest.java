package io.fieldbench.tests.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The chat server of the shipped bench on loopback, driven by its console as a lab engineer does:
 * many clients in two encodings, send to one, broadcast, a client that does not read, kick, idle
 * timeout, half-close, reset, a taken port, stop and start. Connections go to 127.0.0.1 only.
 */
class ChatServerTest {

    private static final String PID = "io.fieldbench.chat";
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    private static final Charset GBK = Charset.forName("GBK");
    private static final int READER_RECEIVE_BUFFER = 4 * 1024 * 1024;
    private static final int SOCKET_TIMEOUT_MILLIS = 10_000;
    private static final Pattern HEADER = Pattern.compile("(\\d+) clients.*");
    private static final Pattern ROW = Pattern.compile("\\s*(\\d+)\\s+(\\S+)\\s+since .*\\s+in (\\d+)\\s+out (\\d+)");

    @RegisterExtension
    final HeadlessBench headless = new HeadlessBench();

    private BenchProcess bench;

    /** Starts the bench with only the chat server, on loopback at this port (0: any), with more settings {@code key=value}. */
    private void startChat(int port, String... settings) throws IOException, InterruptedException {
        bench = headless.startServer("chat", PID, port, settings);
    }

    private int awaitListening() throws InterruptedException {
        return bench.awaitListening("chat:status");
    }

    /** The rows of {@code fb:clients}: address to {id, bytes in, bytes out}. */
    private Map<String, long[]> clients() throws InterruptedException {
        bench.send("fb:clients");
        Matcher header = match(HEADER, bench.awaitLine(line -> HEADER.matcher(line).matches(), "the client count"));
        Map<String, long[]> rows = new HashMap<>();
        for (int i = Integer.parseInt(header.group(1)); i > 0; i--) {
            Matcher row = match(ROW, bench.awaitLine(line -> ROW.matcher(line).matches(), "a client row"));
            rows.put(row.group(2), new long[] {Long.parseLong(row.group(1)), Long.parseLong(row.group(3)), Long.parseLong(row.group(4))});
        }
        return rows;
    }

    private long idOf(int localPort) throws Exception {
        String address = "127.0.0.1:" + localPort;
        Map<String, long[]>[] seen = new Map[1];
        Poll.until(() -> (seen[0] = clients()).containsKey(address), "client " + address + " in fb:clients");
        return seen[0].get(address)[0];
    }

    private void awaitLog(String text) throws Exception {
        Path log = headless.data().resolve("log/fieldbench.log");
        Poll.until(() -> Files.exists(log) && Files.readString(log).contains(text), "the log saying '" + text + "'");
    }

    private static Matcher match(Pattern pattern, String line) {
        Matcher matcher = pattern.matcher(line);
        assertTrue(matcher.matches(), line);
        return matcher;
    }

    private Socket client(int port) throws IOException {
        Socket socket = headless.closeAfter(new Socket());
        socket.connect(new InetSocketAddress(LOOPBACK, port), SOCKET_TIMEOUT_MILLIS);
        socket.setSoTimeout(SOCKET_TIMEOUT_MILLIS);
        return socket;
    }

    private static String readLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int b; (b = in.read()) != '\n';) {
            if (b < 0) {
                throw new AssertionError("the stream ended after '" + line + "'");
            }
            line.append((char) b);
        }
        return line.toString();
    }

    private static int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0, 1, LOOPBACK)) {
            return probe.getLocalPort();
        }
    }

    @Test
    void fiveHundredClientsInTwoEncodingsAreHeardSentToAndBroadcastTo() throws Exception {
        int count = 500;
        startChat(0, "framing=line");
        int port = awaitListening();

        List<SocketChannel> channels = new ArrayList<>();
        Map<Integer, long[]> expected = new HashMap<>(); // local port -> {bytes in}
        for (int i = 0; i < count; i++) {
            SocketChannel channel = headless.closeAfter(SocketChannel.open(new InetSocketAddress(LOOPBACK, port)));
            int local = ((InetSocketAddress) channel.getLocalAddress()).getPort();
            byte[] gbk = ("客户 " + local + " GBK\n").getBytes(GBK);
            byte[] utf8 = ("客户 " + local + " UTF-8\r\n").getBytes(StandardCharsets.UTF_8);
            channel.write(ByteBuffer.wrap(gbk));
            channel.write(ByteBuffer.wrap(utf8));
            channels.add(channel);
            expected.put(local, new long[] {gbk.length + utf8.length});
        }

        Map<String, long[]>[] rows = new Map[1];
        Poll.until(() -> {
            rows[0] = clients();
            return rows[0].size() == count && expected.entrySet().stream()
                    .allMatch(e -> rows[0].containsKey("127.0.0.1:" + e.getKey())
                            && rows[0].get("127.0.0.1:" + e.getKey())[1] == e.getValue()[0]);
        }, count + " clients, each with the bytes it sent");

        for (int local : expected.keySet()) {
            long id = rows[0].get("127.0.0.1:" + local)[0];
            bench.send("chat:log " + id + " GBK");
            bench.awaitLine(line -> line.endsWith(" <- 客户 " + local + " GBK"), "client " + id + "'s GBK line");
            bench.send("chat:log " + id + " UTF-8");
            bench.awaitLine(line -> line.endsWith(" <- 客户 " + local + " UTF-8"), "client " + id + "'s UTF-8 line");
        }

        // one client is sent a line of its own, then all get the broadcast: the others' first line is the broadcast
        SocketChannel chosen = channels.get(count / 2);
        int chosenPort = ((InetSocketAddress) chosen.getLocalAddress()).getPort();
        long chosenId = rows[0].get("127.0.0.1:" + chosenPort)[0];
        bench.send("fb:send " + chosenId + " 只给你");
        bench.awaitLine(("sent " + "只给你".getBytes(StandardCharsets.UTF_8).length + " bytes to client " + chosenId)::equals,
                "the send confirmed");
        bench.send("fb:broadcast 大家好");
        bench.awaitLine(("sent " + "大家好".getBytes(StandardCharsets.UTF_8).length + " bytes to " + count + " clients")::equals,
                "the broadcast confirmed");

        Map<SocketChannel, String> received = readAll(channels, "大家好\n".getBytes(StandardCharsets.UTF_8).length,
                chosen, "只给你\n大家好\n".getBytes(StandardCharsets.UTF_8).length);
        for (SocketChannel channel : channels) {
            assertEquals(channel == chosen ? "只给你\n大家好\n" : "大家好\n", received.get(channel));
        }
    }

    /** Reads from every channel until each has {@code size} bytes (the special one {@code specialSize}), within the deadline. */
    private static Map<SocketChannel, String> readAll(List<SocketChannel> channels, int size, SocketChannel special,
            int specialSize) throws Exception {
        Map<SocketChannel, java.io.ByteArrayOutputStream> got = new HashMap<>();
        try (Selector selector = Selector.open()) {
            for (SocketChannel channel : channels) {
                channel.configureBlocking(false);
                channel.register(selector, SelectionKey.OP_READ);
                got.put(channel, new java.io.ByteArrayOutputStream());
            }
            ByteBuffer buffer = ByteBuffer.allocate(4096);
            long end = System.nanoTime() + BenchProcess.DEADLINE.toNanos();
            int done = 0;
            while (done < channels.size() && System.nanoTime() < end) {
                selector.select(100);
                for (SelectionKey key : selector.selectedKeys()) {
                    SocketChannel channel = (SocketChannel) key.channel();
                    buffer.clear();
                    int read = channel.read(buffer);
                    if (read < 0) {
                        key.cancel();
                        continue;
                    }
                    got.get(channel).write(buffer.array(), 0, read);
                    int want = channel == special ? specialSize : size;
                    if (got.get(channel).size() >= want && key.isValid()) {
                        key.cancel();
                        done++;
                    }
                }
                selector.selectedKeys().clear();
            }
            assertEquals(channels.size(), done, "clients that got every byte");
        }
        Map<SocketChannel, String> text = new HashMap<>();
        got.forEach((channel, bytes) -> text.put(channel, bytes.toString(StandardCharsets.UTF_8)));
        return text;
    }

    @Test
    void aClientThatDoesNotReadIsDisconnectedWhileOthersKeepReceiving() throws Exception {
        startChat(0, "outbound.limit.bytes=65536");
        int port = awaitListening();

        Socket stuck = headless.closeAfter(new Socket());
        stuck.setReceiveBufferSize(4096);
        stuck.connect(new InetSocketAddress(LOOPBACK, port), SOCKET_TIMEOUT_MILLIS);
        List<AtomicLong> counts = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            // a large receive buffer: a reader starved of the CPU for a moment on a busy machine must not look stuck
            Socket reader = headless.closeAfter(new Socket());
            reader.setReceiveBufferSize(READER_RECEIVE_BUFFER);
            reader.connect(new InetSocketAddress(LOOPBACK, port), SOCKET_TIMEOUT_MILLIS);
            AtomicLong count = new AtomicLong();
            counts.add(count);
            Thread thread = new Thread(() -> {
                byte[] buffer = new byte[65_536];
                try (InputStream in = reader.getInputStream()) {
                    for (int n; (n = in.read(buffer)) >= 0;) {
                        count.addAndGet(n);
                    }
                } catch (IOException e) {
                    // closed after the test
                }
            });
            thread.setDaemon(true);
            thread.start();
        }
        int stuckPort = stuck.getLocalPort();
        Poll.until(() -> clients().size() == 4, "four clients");

        String text = "x".repeat(1000);
        Path log = headless.data().resolve("log/fieldbench.log");
        String slow = "at 127.0.0.1:" + stuckPort + " disconnected: too slow";
        long sent = 0;
        int maxBroadcasts = 20_000; // 20 MB: far more than any loopback socket buffers hold
        for (int i = 0; i < maxBroadcasts && !(Files.exists(log) && Files.readString(log).contains(slow)); i++) {
            bench.send("fb:broadcast " + text);
            bench.awaitLine(line -> line.startsWith("sent 1000 bytes to "), "the broadcast confirmed");
            sent += 1000;
        }
        awaitLog(slow);
        bench.send("fb:broadcast " + text);
        bench.awaitLine("sent 1000 bytes to 3 clients"::equals, "the broadcast to the three left");
        long total = sent + 1000;
        try {
            Poll.until(() -> counts.stream().allMatch(c -> c.get() == total), "every reader getting all " + total + " bytes");
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; got " + counts + "; log: "
                    + Files.readAllLines(log).stream().filter(l -> l.contains("disconnected")).toList(), e);
        }
    }

    @Test
    void kickHalfCloseAndResetAreLoggedWithTheirReasons() throws Exception {
        startChat(0, "framing=line");
        int port = awaitListening();

        Socket kicked = client(port);
        bench.send("fb:kick " + idOf(kicked.getLocalPort()));
        bench.awaitLine(line -> line.startsWith("kicked client "), "the kick confirmed");
        assertEquals(-1, kicked.getInputStream().read(), "the kicked client's stream ends");
        awaitLog("at 127.0.0.1:" + kicked.getLocalPort() + " disconnected: kicked");

        Socket halfClosed = client(port);
        idOf(halfClosed.getLocalPort());
        halfClosed.getOutputStream().write("last words\n".getBytes(StandardCharsets.UTF_8));
        halfClosed.shutdownOutput();
        assertEquals(-1, halfClosed.getInputStream().read(), "the server closes a half-closed client");
        awaitLog("at 127.0.0.1:" + halfClosed.getLocalPort() + " disconnected: closed by peer; in 11 bytes");

        Socket reset = client(port);
        int resetPort = reset.getLocalPort();
        idOf(resetPort);
        reset.setSoLinger(true, 0);
        reset.close();
        awaitLog("at 127.0.0.1:" + resetPort + " disconnected: reset by peer");
    }

    @Test
    void aLineUnfinishedAtHalfCloseArrivesAfterTheWholeOneMarkedUnfinished() throws Exception {
        startChat(0, "framing=line", "echo=true");
        int port = awaitListening();

        Socket device = client(port);
        int local = device.getLocalPort();
        idOf(local);
        device.getOutputStream().write("temp=4\ntemp=5".getBytes(StandardCharsets.UTF_8));
        device.shutdownOutput();
        // the echo sends back each message the server delivered, in order, framed as a line
        InputStream in = device.getInputStream();
        assertEquals("temp=4", readLine(in));
        assertEquals("temp=5", readLine(in), "the last message, though it had no line end");
        assertEquals(-1, in.read(), "the server closes a half-closed client");
        awaitLog("at 127.0.0.1:" + local + ": 6 bytes unfinished at close: no line end; delivered as they came: temp=5");
        awaitLog("at 127.0.0.1:" + local + " disconnected: closed by peer; in 13 bytes");
    }

    @Test
    void anIdleClientIsTimedOut() throws Exception {
        startChat(0, "idle.timeout.seconds=1");
        int port = awaitListening();

        Socket idle = client(port);
        assertEquals(-1, idle.getInputStream().read(), "the idle client's stream ends");
        awaitLog("at 127.0.0.1:" + idle.getLocalPort() + " disconnected: idle timeout");
    }

    @Test
    void sendHexReachesTheClientAsBytes() throws Exception {
        startChat(0);
        int port = awaitListening();

        Socket device = client(port);
        bench.send("fb:send-hex " + idOf(device.getLocalPort()) + " 48 65 6C 0x6C 6f 00FF");
        bench.awaitLine(line -> line.startsWith("sent 7 bytes to client "), "the hex send confirmed");
        byte[] got = device.getInputStream().readNBytes(7);
        assertEquals("48656C6C6F00FF", java.util.HexFormat.of().withUpperCase().formatHex(got));
    }

    @Test
    void aPortInUseIsNamedInOneLineAndStartTakesItOnceFree() throws Exception {
        try (ServerSocket other = new ServerSocket(0, 1, LOOPBACK)) {
            int taken = other.getLocalPort();
            String expected = "TCP port " + taken + " is in use by another program: stop it or choose another port in"
                    + " Settings / <data>/etc/io.fieldbench.chat.cfg";
            startChat(taken);
            bench.askUntil("chat:status", ("stopped: " + expected)::equals, "naming the port in use");
            awaitLog(expected);
            assertTrue(bench.isAlive());

            other.close();
            bench.send("chat:start");
            bench.awaitLine(("running on 127.0.0.1:" + taken)::equals, "the server taking the freed port");
        }
    }

    /**
     * The bridge's MQTT client brings Netty's epoll classes too; a server switched on after it must
     * still find epoll's native part attached to them (a fragment attaches only to a host not yet
     * resolved, so a feature listing the classes without it left every later server on NIO).
     */
    @Test
    void aServerSwitchedOnAfterTheBridgeStillRunsOnEpoll() throws Exception {
        assumeTrue("Linux".equals(System.getProperty("os.name")) && "amd64".equals(System.getProperty("os.arch")),
                "the distribution carries epoll's native part for Linux x86-64 only");
        bench = headless.start("--features", "bridge", "--set", PID + ".port=0", "--set", PID + ".bind.address=127.0.0.1");
        bench.ask("fb:enable chat", "enabled chat"::equals, "the chat server switched on");
        awaitListening();
        bench.askUntil("chat:status", "transport: epoll"::equals, "the chat server on epoll");
    }

    @Test
    void stopFreesThePortAtOnceAndStartTakesItAgain() throws Exception {
        int port = freePort();
        startChat(port);
        assertEquals(port, awaitListening());
        Socket before = client(port);
        idOf(before.getLocalPort());

        bench.send("chat:stop");
        bench.awaitLine(line -> line.startsWith("stopped"), "confirming the stop");
        assertEquals(-1, before.getInputStream().read(), "the stop disconnects the client");
        try (ServerSocket plain = new ServerSocket()) {
            plain.bind(new InetSocketAddress(LOOPBACK, port));
            assertEquals(port, plain.getLocalPort(), "the port is free once chat:stop answered");
        }

        bench.send("chat:start");
        bench.awaitLine(("running on 127.0.0.1:" + port)::equals, "listening again");
        Socket after = client(port);
        after.getOutputStream().write("again".getBytes(StandardCharsets.UTF_8));
        Poll.until(() -> {
            long[] row = clients().get("127.0.0.1:" + after.getLocalPort());
            return row != null && row[1] == 5;
        }, "the client after the restart heard");
    }
}
