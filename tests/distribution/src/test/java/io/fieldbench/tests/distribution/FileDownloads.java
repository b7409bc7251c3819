package io.fieldbench.tests.distribution;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/**
 * A device fetching files from the bench's file service again and again, as the protocol goes
 * (send the name, read until the server closes): every pass downloads each file of the shared
 * folder, checks it byte for byte and times the whole pass. Loopback only; stops by itself.
 */
final class FileDownloads implements AutoCloseable {

    private static final String WHAT = "files";
    /** A few sizes, from a line to a firmware image; odd sizes so no buffer boundary hides a lost byte. */
    private static final int[] SIZES = {1_001, 65_537, 1_048_583, 4_194_319};
    private static final int SOCKET_TIMEOUT_MILLIS = 10_000;

    private final int port;
    private final Map<String, byte[]> files;
    private final Latencies passes = new Latencies();
    private final Paced loop;

    private FileDownloads(int port, Map<String, byte[]> files, Duration pace, Duration maxRun, SoakErrors errors) {
        this.port = port;
        this.files = files;
        this.loop = Paced.every(WHAT, pace, maxRun, errors, this::pass);
    }

    /** Writes the files of random bytes into the shared folder; gives them by name. */
    static Map<String, byte[]> share(Path folder) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        Random random = new Random(SIZES.length);
        for (int size : SIZES) {
            byte[] bytes = new byte[size];
            random.nextBytes(bytes);
            String name = "soak-" + size + ".bin";
            Files.write(folder.resolve(name), bytes);
            files.put(name, bytes);
        }
        return files;
    }

    /** Downloads the shared files from the service at this loopback port, a pass every {@code pace}, for at most {@code maxRun}. */
    static FileDownloads start(int port, Map<String, byte[]> files, Duration pace, Duration maxRun, SoakErrors errors) {
        return new FileDownloads(port, files, pace, maxRun, errors);
    }

    /** Each pass over all the files, from the first connect to the last byte. */
    Latencies passes() {
        return passes;
    }

    private void pass() throws IOException {
        long start = System.nanoTime();
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            byte[] received = download(file.getKey());
            if (!Arrays.equals(file.getValue(), received)) {
                throw new IOException(file.getKey() + " arrived as " + received.length + " bytes that differ from the "
                        + file.getValue().length + " shared");
            }
        }
        passes.record(System.nanoTime() - start);
    }

    private byte[] download(String name) throws IOException {
        try (Socket socket = new Socket()) {
            socket.setSoTimeout(SOCKET_TIMEOUT_MILLIS);
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), SOCKET_TIMEOUT_MILLIS);
            socket.getOutputStream().write((name + "\n").getBytes(StandardCharsets.UTF_8));
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            try (InputStream in = socket.getInputStream()) {
                in.transferTo(received);
            }
            return received.toByteArray();
        }
    }

    @Override
    public void close() throws InterruptedException {
        loop.close();
    }
}
