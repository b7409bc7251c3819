package io.fieldbench.tests.distribution;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

import javax.imageio.ImageIO;

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

    private BenchProcess bench;

    @Test
    void udpTelemetryClientGetsReceivedAndItsOwnBytesBack() throws Exception {
        TutorialClient.assumeInstalled();
        int port = startUdp("--set", UDP + ".reply=ack");

        List<String> replies = TutorialClient.run("udp_telemetry_client.py", "127.0.0.1", Integer.toString(port));

        assertEquals(List.of(hex("Received:temp=21.5".getBytes(StandardCharsets.US_ASCII)),
                hex("Received:".getBytes(StandardCharsets.US_ASCII)) + "ff008041"), replies);
    }

    @Test
    void heartbeatsKeepTheirDeviceOnlineAndAreNoErrors() throws Exception {
        TutorialClient.assumeInstalled();
        int port = startUdp();

        TutorialClient.run("udp_heartbeat_client.py", "127.0.0.1", Integer.toString(port), "3", "0.2");

        bench.askUntil("fb:devices --count", line -> line.startsWith("1 device, 1 online, 3 packets, 0 decode errors"),
                "the heartbeats counted, as no error");
    }

    @Test
    void bareNamesAreMessagesAndTheEchoTutorialGetsItsAnswers() throws Exception {
        TutorialClient.assumeInstalled();
        int port = startUdp("--set", UDP + ".reply=ack", "--set", UDP + ".ack.template=echo %s");

        List<String> answers = TutorialClient.run("udp_echo_client.py", "127.0.0.1", Integer.toString(port));

        assertEquals(List.of("echo Michael", "echo Tracy"), answers);
        bench.askUntil("fb:devices --count", line -> line.startsWith("1 device, 1 online, 2 packets, 0 decode errors"),
                "the names counted as messages, not errors");
        String row = bench.ask("fb:devices", line -> line.startsWith("127.0.0.1:"), "the device's row");
        assertTrue(row.endsWith(" Tracy"), "the last message shown: " + row);
    }

    @Test
    void aFixedAnswerIsOneSettingAway() throws Exception {
        TutorialClient.assumeInstalled();
        int port = startUdp("--set", UDP + ".reply=ack", "--set", UDP + ".ack.template=nice to meet you");

        assertEquals(List.of("nice to meet you", "nice to meet you"),
                TutorialClient.run("udp_echo_client.py", "127.0.0.1", Integer.toString(port)));
    }

    @Test
    void tcpFileClientThatAsksForTheNameAfterConnectingGetsTheFile() throws Exception {
        TutorialClient.assumeInstalled();
        Path shared = Files.createDirectories(headless.data().resolve("shared"));
        byte[] file = new byte[200_000];
        new Random(7).nextBytes(file);
        Files.write(shared.resolve("report.bin"), file);
        bench = headless.startServer("files", "io.fieldbench.files", 0, "shared.folder=" + shared);
        int port = bench.awaitListening("files:status");

        // longer than the ten seconds a name once had to come within
        List<String> got = TutorialClient.run("tcp_file_client.py", "127.0.0.1", Integer.toString(port), "report.bin", "12");

        assertEquals(List.of(file.length + " " + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(file))), got);
    }

    @Test
    void aConnectionThatNeverSendsANameIsStillClosedAtTheDeadlineAndTheLogSaysWhy() throws Exception {
        bench = headless.startServer("files", "io.fieldbench.files", 0, "request.timeout.seconds=1");
        int port = bench.awaitListening("files:status");

        try (Socket silent = new Socket(InetAddress.getLoopbackAddress(), port)) {
            silent.setSoTimeout(10_000);
            assertEquals(-1, silent.getInputStream().read(), "closed by the bench, nothing sent");
        }
        Poll.until(() -> Files.readString(headless.data().resolve("log/fieldbench.log"))
                .contains("no name within request.timeout.seconds of connecting"), "the reason in the log");
    }

    @Test
    void tcpClientThatWaitsForTheServersGreetingGetsIt() throws Exception {
        TutorialClient.assumeInstalled();
        bench = headless.startServer("chat", "io.fieldbench.chat", 0, "greeting=你好");
        int port = bench.awaitListening("chat:status");

        List<String> got = TutorialClient.run("tcp_greeting_client.py", "127.0.0.1", Integer.toString(port));

        assertEquals(List.of("你好"), got);
        bench.askUntil("fb:clients", line -> line.startsWith("0 clients"), "the client gone");
    }

    @Test
    void webSocketImageClientSendsAndReceivesBareImageBytesInPlainMode() throws Exception {
        TutorialClient.assumeWebsockets();
        bench = headless.startServer("imagerelay", "io.fieldbench.imagerelay", 0, "plain.clients=true");
        int port = bench.awaitListening("imagerelay:status");
        bench.ask("imagerelay:status", line -> line.contains("PLAIN CLIENTS ON"), "plain mode said loud");
        byte[] photo = png(64, 48);
        Path image = Files.write(headless.data().resolve("photo.png"), photo);
        Path saved = headless.data().resolve("received.png");

        TutorialClient.Running phone = TutorialClient.start("ws_image_client.py", "ws://127.0.0.1:" + port, image.toString(),
                saved.toString());
        // the row of the kept file, named yyyyMMdd-HHmmss-<sender>-<name> (not the page address printed at start)
        String kept = bench.askUntil("fb:images", line -> line.contains("-127.0.0.1-"), "the phone's image kept");
        String file = kept.substring(kept.lastIndexOf(' ') + 1);
        String sent = bench.ask("fb:send-image " + file + " all", line -> line.contains("sent "), "the image sent back");
        assertTrue(sent.startsWith("sent "), sent);

        assertEquals(List.of("sent", "bytes " + photo.length), phone.get(), "no JSON, only the image's bytes");
        assertArrayEquals(photo, Files.readAllBytes(saved));
    }

    private static byte[] png(int width, int height) throws IOException {
        BufferedImage picture = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < width; x++) {
            for (int y = 0; y < height; y++) {
                picture.setRGB(x, y, x * 4 << 16 | y * 5 << 8 | (x + y));
            }
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ImageIO.write(picture, "png", bytes);
        return bytes.toByteArray();
    }

    private int startUdp(String... settings) throws Exception {
        List<String> arguments = new ArrayList<>(List.of("--features", "udp,decoders,registry",
                "--set", UDP + ".port=0", "--set", UDP + ".bind.address=127.0.0.1"));
        arguments.addAll(List.of(settings));
        bench = headless.start(arguments.toArray(String[]::new));
        String headline = bench.askUntil("udp:status", line -> line.startsWith("running on 127.0.0.1:"), "the collector listening");
        return Integer.parseInt(headline.substring(headline.lastIndexOf(':') + 1).trim());
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
