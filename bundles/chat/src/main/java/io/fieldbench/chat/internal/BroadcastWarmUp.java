package io.fieldbench.chat.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.fieldbench.server.support.tcp.ClientRegistry;
import io.fieldbench.server.support.tcp.DisconnectReason;
import io.fieldbench.server.support.tcp.TcpTransport;

/**
 * Runs the broadcast's write path (each event loop's task, every client's pipeline, the socket
 * writes) over throwaway loopback connections before the chat server first listens, so that its
 * event loops run compiled code when the first broadcasts go to real clients. Until the JIT has
 * compiled it, after some 10 000 writes, the event loops run it in slower, profiling code while the
 * compiler takes up to a second of a core. Best effort: whatever goes wrong only ends the warm-up
 * early.
 */
final class BroadcastWarmUp {

    static final int CLIENTS = 100;
    /** 30 000 writes: enough for the JIT to compile the write path with full optimisation. */
    static final int BROADCASTS = 300;
    /** The longest a broadcast may take to reach every throwaway client's socket; past it the warm-up ends. */
    static final long BROADCAST_TIMEOUT_MILLIS = 1_000;
    private static final byte[] MESSAGE = "chat server warm-up: a broadcast to throwaway loopback clients"
            .getBytes(StandardCharsets.US_ASCII);

    private BroadcastWarmUp() {
    }

    /** The throwaway clients' traffic: none of it is the user's, so none of it is told; only their arrival is counted. */
    private static final class Unheard implements ChatTraffic {

        final CountDownLatch connected = new CountDownLatch(CLIENTS);

        @Override
        public void connected(ChatClient client) {
            connected.countDown();
        }

        @Override
        public void received(ChatClient client, byte[] message) {
        }

        @Override
        public void unfinished(ChatClient client, byte[] message, String note) {
        }

        @Override
        public void disconnected(ChatClient client, DisconnectReason reason, String detail) {
        }

        @Override
        public void refused(String address, DisconnectReason reason) {
        }

        @Override
        public void rejected(ChatClient client, String why) {
        }
    }

    /**
     * Broadcasts up to {@link #BROADCASTS} times to {@link #CLIENTS} throwaway clients of a listening
     * socket of this transport with these settings; gives how many writes reached a client's socket.
     */
    static int run(TcpTransport transport, ChatSettings settings) throws Exception {
        ClientRegistry<ChatClient> registry = new ClientRegistry<>("chat-warm-up", CLIENTS, Clock.systemUTC());
        Unheard traffic = new Unheard();
        ChatListener listener = ChatListener.bind(transport, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                settings, registry, traffic, warning -> { });
        try (Discarding clients = Discarding.connect(listener.localAddress(), CLIENTS)) {
            traffic.connected.await(BROADCAST_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
            return pass(registry);
        } finally {
            listener.close();
        }
    }

    private static int pass(ClientRegistry<ChatClient> registry) throws Exception {
        ChatClient.Kept kept = new ChatClient.Kept(Instant.now(), false, MESSAGE);
        int written = 0;
        for (int i = 0; i < BROADCASTS; i++) {
            try {
                written += Broadcast.send(registry.unordered(), MESSAGE, kept, System.nanoTime()).delivered()
                        .get(BROADCAST_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS).written();
            } catch (TimeoutException slow) {
                break;
            }
        }
        return written;
    }

    /** Loopback clients that read and drop what they get, on one selector thread of their own, until closed. */
    private static final class Discarding implements AutoCloseable {

        private final Selector selector;
        private final Thread reader;
        private volatile boolean open = true;

        private Discarding(Selector selector) {
            this.selector = selector;
            this.reader = new Thread(this::read, "fieldbench-chat-warm-up");
            reader.setDaemon(true);
        }

        static Discarding connect(InetSocketAddress server, int count) throws IOException {
            Discarding clients = new Discarding(Selector.open());
            try {
                for (int i = 0; i < count; i++) {
                    clients.add(SocketChannel.open(server));
                }
            } catch (IOException e) {
                clients.close();
                throw e;
            }
            clients.reader.start();
            return clients;
        }

        private void add(SocketChannel channel) throws IOException {
            try {
                channel.configureBlocking(false);
                channel.register(selector, SelectionKey.OP_READ);
            } catch (IOException e) {
                channel.close();
                throw e;
            }
        }

        private void read() {
            ByteBuffer scratch = ByteBuffer.allocate(64 * 1024);
            try {
                while (open) {
                    selector.select(100);
                    for (SelectionKey key : selector.selectedKeys()) {
                        if (((SocketChannel) key.channel()).read(scratch.clear()) < 0) {
                            key.cancel();
                        }
                    }
                    selector.selectedKeys().clear();
                }
            } catch (IOException | RuntimeException e) {
                // the warm-up ends; its broadcasts then time out
            }
        }

        @Override
        public void close() throws IOException {
            open = false;
            selector.wakeup();
            try {
                reader.join(BROADCAST_TIMEOUT_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            for (SelectionKey key : selector.keys()) {
                key.channel().close();
            }
            selector.close();
        }
    }
}
