package io.fieldbench.sim;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.time.Instant;
import java.util.Arrays;
import java.util.function.Consumer;

import io.fieldbench.support.DaemonThreads;

/**
 * One UDP socket on an ephemeral port that sends datagrams and listens for what comes back to it:
 * devices and collectors answer the source port of what they received (echo, ack). The replies
 * are handed to the consumer on the sender's own receiving thread.
 */
public final class DatagramSender implements AutoCloseable {

    /** The largest datagram received whole. */
    private static final int MAX_DATAGRAM = 65_535;

    private final DatagramChannel socket;
    private final Thread receiver;
    private final Consumer<Reply> replies;

    /** Opens the socket (IPv4 and IPv6) and starts listening. */
    public DatagramSender(Consumer<Reply> replies) throws IOException {
        this.replies = replies;
        this.socket = DatagramChannel.open();
        socket.bind(null);
        receiver = DaemonThreads.start("fieldbench-sender-replies-" + localPort(), this::receive);
    }

    public void send(InetSocketAddress target, byte[] payload) throws IOException {
        socket.send(ByteBuffer.wrap(payload), target);
    }

    /** The port the datagrams come from, and replies go to. */
    public int localPort() {
        try {
            return ((InetSocketAddress) socket.getLocalAddress()).getPort();
        } catch (IOException e) {
            return 0;
        }
    }

    private void receive() {
        ByteBuffer buffer = ByteBuffer.allocate(MAX_DATAGRAM);
        while (socket.isOpen()) {
            try {
                buffer.clear();
                InetSocketAddress source = (InetSocketAddress) socket.receive(buffer);
                buffer.flip();
                replies.accept(new Reply(source, Instant.now(), Arrays.copyOf(buffer.array(), buffer.limit())));
            } catch (ClosedChannelException e) {
                return;
            } catch (IOException e) {
                // an ICMP "port unreachable" from an earlier send; keep listening
            }
        }
    }

    /** Closes the socket; the receiving thread ends. */
    @Override
    public void close() throws IOException {
        socket.close();
    }
}
