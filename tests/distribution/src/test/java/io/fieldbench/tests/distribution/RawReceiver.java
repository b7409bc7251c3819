package io.fieldbench.tests.distribution;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The benchmark's baseline: the least a Java program can do with a datagram — one blocking
 * channel with the same receive buffer the collector asks for, one thread, count and drop.
 */
final class RawReceiver implements AutoCloseable {

    static final int RECEIVE_BUFFER_BYTES = 32 * 1024 * 1024;
    private static final int MAX_DATAGRAM = 65_535;

    private final DatagramChannel channel;
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong lastNanos = new AtomicLong();
    private final Thread reader;

    RawReceiver() throws IOException {
        channel = DatagramChannel.open();
        channel.setOption(StandardSocketOptions.SO_RCVBUF, RECEIVE_BUFFER_BYTES);
        channel.bind(new InetSocketAddress("127.0.0.1", 0));
        reader = new Thread(this::read, "raw-receiver");
        reader.setDaemon(true);
        reader.start();
    }

    int port() throws IOException {
        return ((InetSocketAddress) channel.getLocalAddress()).getPort();
    }

    private void read() {
        ByteBuffer buffer = ByteBuffer.allocateDirect(MAX_DATAGRAM);
        try {
            while (true) {
                buffer.clear();
                channel.receive(buffer);
                received.incrementAndGet();
                lastNanos.set(System.nanoTime());
            }
        } catch (ClosedChannelException closed) {
            // the benchmark is done
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    long received() {
        return received.get();
    }

    /** System.nanoTime() of the latest datagram. */
    long lastNanos() {
        return lastNanos.get();
    }

    @Override
    public void close() throws IOException, InterruptedException {
        channel.close();
        reader.join();
    }
}
