package io.fieldbench.tests.distribution;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * The chat benchmark's echo load: clients on loopback, each on its own thread, sending batches of
 * fixed-size lines and reading their echoes, for a while.
 */
final class EchoLoad {

    static final int LINE_BYTES = 100;
    /** Lines a client sends before it reads their echoes: enough to keep the pipe full, few enough for any buffer. */
    private static final int BATCH = 32;
    private static final Duration DEADLINE = Duration.ofSeconds(60);

    /** Lines echoed in a time. */
    record Echo(long lines, long nanos) {

        double linesPerSecond() {
            return lines / (nanos / 1e9);
        }

        double megabytesPerSecond() {
            return lines * LINE_BYTES / (nanos / 1e9) / 1e6;
        }
    }

    private EchoLoad() {
    }

    /** Runs {@code clients} echo clients against the port for the time, and counts the lines echoed. */
    static Echo run(int port, int clients, Duration length) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(clients);
        try {
            long start = System.nanoTime();
            long end = start + length.toNanos();
            List<Future<Long>> lines = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                lines.add(threads.submit(() -> client(port, end)));
            }
            long total = 0;
            for (Future<Long> counted : lines) {
                total += counted.get(length.toSeconds() + DEADLINE.toSeconds(), TimeUnit.SECONDS);
            }
            return new Echo(total, System.nanoTime() - start);
        } finally {
            threads.shutdownNow();
        }
    }

    private static long client(int port, long endNanos) throws IOException {
        byte[] line = new byte[LINE_BYTES];
        Arrays.fill(line, (byte) 'e');
        line[LINE_BYTES - 1] = '\n';
        ByteBuffer batch = ByteBuffer.allocate(LINE_BYTES * BATCH);
        for (int i = 0; i < BATCH; i++) {
            batch.put(line);
        }
        ByteBuffer echoed = ByteBuffer.allocate(batch.capacity());
        long lines = 0;
        try (SocketChannel channel = SocketChannel.open(new InetSocketAddress(InetAddress.getLoopbackAddress(), port))) {
            while (System.nanoTime() < endNanos) {
                batch.rewind();
                while (batch.hasRemaining()) {
                    channel.write(batch);
                }
                echoed.clear();
                while (echoed.hasRemaining()) {
                    if (channel.read(echoed) < 0) {
                        throw new IOException("the server closed an echo client after " + lines + " lines");
                    }
                }
                lines += BATCH;
            }
        }
        return lines;
    }
}
