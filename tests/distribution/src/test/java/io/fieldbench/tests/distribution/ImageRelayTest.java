package io.fieldbench.tests.distribution;

import static io.fieldbench.tests.distribution.RelayBench.TOKEN;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import java.util.zip.CRC32;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The image relay of the shipped bench on loopback, as phones and a lab engineer use it: the page,
 * uploads kept byte-identical and deduplicated, relay to other clients, {@code fb:send-image}; bad
 * input of every kind refused or cleaned up with one clear log line while another client goes on
 * working; stop, start and a port in use. Connections go to 127.0.0.1 only.
 */
class ImageRelayTest {

    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    private static final int MIB = 1024 * 1024;

    @RegisterExtension
    final HeadlessBench headless = new HeadlessBench();

    private final RelayBench relay = new RelayBench(headless);
    private BenchProcess bench;

    private void awaitLog(String text) throws Exception {
        Path log = headless.data().resolve("log/fieldbench.log");
        try {
            Poll.until(() -> Files.exists(log) && Files.readString(log).contains(text), "the log saying '" + text + "'");
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; the relay's log: "
                    + Files.readAllLines(log).stream().filter(l -> l.contains("Image relay")).toList(), e);
        }
    }

    private WebSocketPeer peer(int port) throws InterruptedException {
        WebSocketPeer peer = headless.closeAfter(WebSocketPeer.connect(port, TOKEN));
        assertTrue(peer.nextText().contains("\"type\":\"hello\""), "the hello comes first");
        return peer;
    }

    private RawWebSocket raw(int port, String query, String origin) throws IOException {
        return headless.closeAfter(RawWebSocket.connect(port, query, origin, 0));
    }

    private List<Path> images() throws IOException {
        try (Stream<Path> files = Files.list(headless.data().resolve("images"))) {
            return files.filter(f -> !f.getFileName().toString().startsWith(".")).toList();
        }
    }

    /** A JPEG of random noise: it does not compress, so its size follows its pixels. */
    static byte[] noiseJpeg(int width, int height, long seed) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(seed);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, random.nextInt(0x1000000));
            }
        }
        ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
        ImageIO.write(image, "jpg", jpeg);
        return jpeg.toByteArray();
    }

    /** A PNG that claims 50 000 x 50 000 pixels: a valid signature, IHDR with its CRC, and IEND. */
    private static byte[] hugePngHeader() {
        ByteBuffer png = ByteBuffer.allocate(8 + 25 + 12);
        png.put(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        ByteBuffer ihdr = ByteBuffer.allocate(17).put("IHDR".getBytes(StandardCharsets.US_ASCII)).putInt(50_000)
                .putInt(50_000).put(new byte[] {8, 2, 0, 0, 0});
        CRC32 crc = new CRC32();
        crc.update(ihdr.array());
        png.putInt(13).put(ihdr.array()).putInt((int) crc.getValue());
        CRC32 end = new CRC32();
        end.update("IEND".getBytes(StandardCharsets.US_ASCII));
        png.putInt(0).put("IEND".getBytes(StandardCharsets.US_ASCII)).putInt((int) end.getValue());
        return png.array();
    }

    @Test
    void aHeadlessBenchSaysWherePhonesOpenThePageOnItsConsole() throws Exception {
        bench = relay.start(0);

        String said = bench.awaitLine(line -> line.startsWith("Image relay page: http://127.0.0.1:"),
                "the page address on the console, without a command typed");
        relay.awaitListening();
        assertEquals("Image relay page: " + relay.pageUrl() + " (lo)", said);
    }

    @Test
    void thePageUploadsRepeatsRelayAndSendImageWork() throws Exception {
        bench = relay.start(0);
        int port = relay.awaitListening();

        HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(relay.pageUrl())).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, page.statusCode());
        assertTrue(page.headers().firstValue("content-type").orElse("").startsWith("text/html"));
        assertTrue(page.body().toLowerCase().contains("<html"), "the page is HTML");
        bench.ask("fb:status", line -> line.startsWith("  " + relay.pageUrl()), "the page URL in fb:status");

        WebSocketPeer sender = peer(port);
        WebSocketPeer other = peer(port);
        byte[] photo = noiseJpeg(4000, 3000, 1); // 12 megapixels, as phones take them
        assertTrue(photo.length > 6 * MIB, "a phone photo's size: " + photo.length);
        sender.sendImage("photo.jpg", "image/jpeg", photo);
        String stored = sender.nextText();
        assertTrue(stored.contains("\"type\":\"stored\"") && stored.contains("\"duplicate\":false"), stored);
        List<Path> kept = images();
        assertEquals(1, kept.size(), "one image kept");
        assertTrue(kept.get(0).getFileName().toString().matches("\\d{8}-\\d{6}-127\\.0\\.0\\.1-photo\\.jpg"),
                kept.get(0).getFileName().toString());
        assertTrue(stored.contains(kept.get(0).getFileName().toString()), stored);
        assertArrayEquals(photo, Files.readAllBytes(kept.get(0)), "kept byte-identical");

        String relayed = other.nextText();
        assertTrue(relayed.contains("\"type\":\"image\"") && relayed.contains("\"from\":\"client 1\""), relayed);
        assertArrayEquals(photo, other.nextBinary(), "relayed byte-identical");

        sender.sendImage("again.jpg", "image/jpeg", photo);
        String repeat = sender.nextText();
        assertTrue(repeat.contains("\"duplicate\":true") && repeat.contains(kept.get(0).getFileName().toString()), repeat);
        assertEquals(1, images().size(), "a repeat is not stored twice");
        awaitLog("a repeat of " + kept.get(0).getFileName() + ", not stored again");
        other.nextText();
        other.nextBinary();

        bench.ask("fb:images", line -> line.endsWith(kept.get(0).getFileName().toString()) && line.contains("127.0.0.1"),
                "the image listed by fb:images");
        bench.ask("fb:send-image " + kept.get(0).getFileName() + " 2",
                ("sent " + kept.get(0).getFileName() + " to client 2")::equals, "the send to client 2 confirmed");
        String fromBench = other.nextText();
        assertTrue(fromBench.contains("\"from\":\"bench\""), fromBench);
        assertTrue(fromBench.contains("\"name\":\"photo.jpg\""), "a kept image goes out under its sender's name: " + fromBench);
        assertArrayEquals(photo, other.nextBinary(), "sent by the bench byte-identical");
    }

    @Test
    void badInputIsRefusedOrCleanedUpWhileAnotherClientGoesOn() throws Exception {
        bench = relay.start(0, "outbound.limit.bytes=1048576");
        int port = relay.awaitListening();
        WebSocketPeer good = peer(port);
        byte[] photo = noiseJpeg(320, 240, 2);

        // handshakes without the token, with a wrong one, from a foreign page
        assertEquals(403, raw(port, "", null).status());
        awaitLog("refused: no pairing token");
        assertEquals(403, raw(port, "?t=ffffffffffffffffffffffffffffffff", null).status());
        awaitLog("refused: wrong pairing token");
        assertEquals(403, raw(port, "?t=" + TOKEN, "http://evil.example:" + port).status());
        awaitLog("refused: foreign origin http://evil.example:" + port);

        // not images: text, a truncated JPEG, a decompression bomb's header
        good.sendImage("notes.txt", "text/plain", "just some notes".getBytes(StandardCharsets.UTF_8));
        assertRefused(good.nextText(), "notes.txt", "not an image");
        good.sendImage("cut.jpg", "image/jpeg", Arrays.copyOf(photo, photo.length / 2));
        assertRefused(good.nextText(), "cut.jpg", "");
        good.sendImage("bomb.png", "image/png", hugePngHeader());
        assertRefused(good.nextText(), "bomb.png", "pixels");
        good.sendText("this is not JSON");
        assertRefused(good.nextText(), "", "JSON");
        awaitLog("'bomb.png' (" + hugePngHeader().length + " bytes) refused: ");
        assertTrue(images().isEmpty(), "nothing refused is kept");

        // a message larger than max.image.bytes is closed with 1009 before it is all sent
        try (RawWebSocket big = raw(port, "?t=" + TOKEN, null)) {
            assertEquals(101, big.status());
            big.read(); // hello
            big.frame(RawWebSocket.BINARY, new byte[64 * 1024], 17L * MIB, true);
            assertEquals(1009, big.awaitClose(), "closed as too big");
        }
        awaitLog("disconnected: message too big");

        // an unmasked client frame is a protocol error: 1002
        try (RawWebSocket unmasked = raw(port, "?t=" + TOKEN, null)) {
            unmasked.read();
            unmasked.frame(RawWebSocket.TEXT, "{\"type\":\"image\"}".getBytes(StandardCharsets.UTF_8), 16, false);
            assertEquals(1002, unmasked.awaitClose(), "closed for the protocol error");
        }
        awaitLog("disconnected: WebSocket protocol error");

        // a client that drops its connection in the middle of an upload
        RawWebSocket dropped = raw(port, "?t=" + TOKEN, null);
        dropped.read();
        dropped.frame(RawWebSocket.BINARY, Arrays.copyOf(photo, photo.length / 3), photo.length, true);
        int droppedPort = dropped.localPort();
        awaitLog("connected from 127.0.0.1:" + droppedPort);
        dropped.close();
        awaitLog("at 127.0.0.1:" + droppedPort + " disconnected: closed by peer (in the middle of a message, ");

        // a client that never reads what is relayed to it is disconnected once past the outbound limit
        RawWebSocket stuck = headless.closeAfter(RawWebSocket.connect(port, "?t=" + TOKEN, null, 4096));
        assertEquals(101, stuck.status());
        WebSocketPeer watcher = peer(port);
        Path log = headless.data().resolve("log/fieldbench.log");
        String tooSlow = "at 127.0.0.1:" + stuck.localPort() + " disconnected: too slow";
        int sent = 0;
        for (int i = 0; i < 200 && !Files.readString(log).contains(tooSlow); i++) {
            good.sendImage("again.jpg", "image/jpeg", photo);
            assertTrue(good.nextText().contains("\"type\":\"stored\""));
            assertTrue(watcher.nextText().contains("\"from\":\"client 1\""));
            assertArrayEquals(photo, watcher.nextBinary(), "the watcher gets every relayed image");
            sent++;
        }
        awaitLog(tooSlow);
        assertTrue(sent > 1, "the stuck client held out a while: " + sent);

        // the good client still works, and so does its relay to the watcher
        byte[] last = noiseJpeg(200, 100, 3);
        good.sendImage("last.jpg", "image/jpeg", last);
        assertTrue(good.nextText().contains("\"duplicate\":false"));
        watcher.nextText();
        assertArrayEquals(last, watcher.nextBinary());
        assertEquals(2, images().size(), "the two different images kept, once each");
    }

    private static void assertRefused(String reply, String name, String reasonPart) {
        assertTrue(reply.contains("\"type\":\"refused\"") && reply.contains("\"name\":\"" + name + "\"")
                && reply.contains(reasonPart), reply);
    }

    @Test
    void stopFreesThePortStartTakesItAgainAndAPortInUseIsOneLine() throws Exception {
        int port;
        try (ServerSocket other = new ServerSocket(0, 1, LOOPBACK)) {
            port = other.getLocalPort();
            String expected = "TCP port " + port + " is in use by another program: stop it or choose another port in"
                    + " Settings / <data>/etc/io.fieldbench.imagerelay.cfg";
            bench = relay.start(port);
            bench.askUntil("imagerelay:status", ("stopped: " + expected)::equals, "naming the port in use");
            awaitLog(expected);
        }
        bench.send("imagerelay:start");
        bench.awaitLine(("running on 127.0.0.1:" + port)::equals, "the relay taking the freed port");
        WebSocketPeer before = peer(port);

        bench.send("imagerelay:stop");
        bench.awaitLine(line -> line.startsWith("stopped"), "confirming the stop");
        assertEquals(1001, before.next().closeStatus(), "the stop says goodbye to the client");
        try (ServerSocket plain = new ServerSocket()) {
            plain.bind(new InetSocketAddress(LOOPBACK, port));
            assertEquals(port, plain.getLocalPort(), "the port is free once imagerelay:stop answered");
        }

        bench.send("imagerelay:start");
        bench.awaitLine(("running on 127.0.0.1:" + port)::equals, "listening again");
        WebSocketPeer after = peer(port);
        after.sendImage("after.jpg", "image/jpeg", noiseJpeg(64, 64, 4));
        assertTrue(after.nextText().contains("\"type\":\"stored\""), "a client after the restart is served");
    }
}
