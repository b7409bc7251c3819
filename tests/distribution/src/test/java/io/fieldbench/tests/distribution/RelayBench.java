package io.fieldbench.tests.distribution;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The bench with only the image relay, on loopback, under a pairing token written before the
 * start: the tests know the page's address as a person reads it off the bench.
 */
final class RelayBench {

    /** Any 32 hex digits: the relay takes the token file it finds instead of making one. */
    static final String TOKEN = "0123456789abcdef0123456789abcdef";
    private static final String PID = "io.fieldbench.imagerelay";

    private final HeadlessBench headless;
    private BenchProcess bench;
    private int port;

    RelayBench(HeadlessBench headless) {
        this.headless = headless;
    }

    /**
     * Writes the token, then starts the bench with the relay at this port (0: any) and more of its
     * settings {@code key=value}; does not wait for it to listen, which it may rightly fail to do.
     */
    BenchProcess start(int port, String... settings) throws IOException, InterruptedException {
        writeToken(headless);
        bench = headless.startServer("imagerelay", PID, port, settings);
        return bench;
    }

    /** Writes {@link #TOKEN} where the bench's relay will take it, before the bench starts. */
    static void writeToken(HeadlessBench headless) throws IOException {
        Path token = headless.data().resolve("imagerelay/token");
        Files.createDirectories(token.getParent());
        Files.writeString(token, TOKEN + "\n");
    }

    /** Waits until the relay says it listens; gives its port. */
    int awaitListening() throws InterruptedException {
        port = bench.awaitListening("imagerelay:status");
        return port;
    }

    /** The phone page's address, once the relay listens. */
    String pageUrl() {
        return "http://127.0.0.1:" + port + "/?t=" + TOKEN;
    }

    /** The WebSocket endpoint as the phone page opens it, once the relay listens. */
    String webSocketUrl() {
        return "ws://127.0.0.1:" + port + "/ws?t=" + TOKEN;
    }
}
