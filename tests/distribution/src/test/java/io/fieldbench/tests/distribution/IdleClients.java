package io.fieldbench.tests.distribution;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Many connected clients of a loopback server that only read, on one selector: the chat benchmark's audience. */
final class IdleClients implements AutoCloseable {

    private final Selector selector;
    private final List<SocketChannel> channels;

    private IdleClients(Selector selector, List<SocketChannel> channels) {
        this.selector = selector;
        this.channels = channels;
    }

    static IdleClients connect(int port, int count) throws IOException {
        Selector selector = Selector.open();
        List<SocketChannel> channels = new ArrayList<>(count);
        IdleClients idle = new IdleClients(selector, channels);
        try {
            for (int i = 0; i < count; i++) {
                SocketChannel channel = SocketChannel.open(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
                channels.add(channel);
                channel.configureBlocking(false);
                channel.register(selector, SelectionKey.OP_READ, new long[1]);
            }
        } catch (IOException e) {
            idle.close();
            throw new IOException("connecting client " + (channels.size() + 1) + " of " + count + ": " + e.getMessage(), e);
        }
        return idle;
    }

    /** Reads until every client has received this many bytes since it connected (more than it had); fails at the deadline. */
    void awaitEach(long bytes, Duration deadline) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
        int done = 0;
        long end = System.nanoTime() + deadline.toNanos();
        while (done < channels.size()) {
            if (System.nanoTime() > end) {
                throw new AssertionError(done + " of " + channels.size() + " clients had " + bytes + " bytes after "
                        + deadline.toSeconds() + " s");
            }
            selector.select(100);
            for (SelectionKey key : selector.selectedKeys()) {
                long[] received = (long[]) key.attachment();
                buffer.clear();
                int read = ((SocketChannel) key.channel()).read(buffer);
                if (read < 0) {
                    throw new IOException("the server closed an idle client");
                }
                boolean before = received[0] >= bytes;
                received[0] += read;
                if (!before && received[0] >= bytes) {
                    done++;
                }
            }
            selector.selectedKeys().clear();
        }
    }

    @Override
    public void close() throws IOException {
        for (SocketChannel channel : channels) {
            channel.close();
        }
        selector.close();
    }
}
