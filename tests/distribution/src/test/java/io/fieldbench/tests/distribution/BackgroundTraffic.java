package io.fieldbench.tests.distribution;

import java.io.IOException;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A device and a chat client that keep a bench busy while a test switches its features: every tick
 * a datagram to the collector and a line to the chat server, to loopback only. The chat client
 * connects again when the server is back; a server not (yet) there is skipped. The traffic stops
 * when closed, or by itself after {@link #MAX_RUN}.
 */
final class BackgroundTraffic implements AutoCloseable {

    /** 100 datagrams and 100 lines a second: steady work for every feature, no load test. */
    private static final Duration TICK = Duration.ofMillis(10);
    private static final Duration MAX_RUN = Duration.ofMinutes(20);
    private static final int CONNECT_MILLIS = 1_000;
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    private final DatagramSocket device = new DatagramSocket(new InetSocketAddress(LOOPBACK, 0));
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
    private volatile int collectorPort;
    private volatile int chatPort;
    /** Touched by the ticker's thread only. */
    private Socket chatClient;
    private long ticks;
    private volatile long datagrams;
    private volatile long chatConnections;

    BackgroundTraffic() throws IOException {
        ticker.scheduleWithFixedDelay(this::tick, 0, TICK.toMillis(), TimeUnit.MILLISECONDS);
        ticker.schedule(ticker::shutdown, MAX_RUN.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Where the collector listens now (it binds a new port each time it starts). */
    void collectorAt(int port) {
        collectorPort = port;
    }

    /** Where the chat server listens now. */
    void chatAt(int port) {
        chatPort = port;
    }

    long datagrams() {
        return datagrams;
    }

    /** How often the chat client connected: once, and again after each time the server came back. */
    long chatConnections() {
        return chatConnections;
    }

    private void tick() {
        ticks++;
        byte[] sample = ("id=traffic,seq=" + ticks + ",temp=" + (20 + ticks % 10)).getBytes(StandardCharsets.US_ASCII);
        try {
            if (collectorPort > 0) {
                device.send(new DatagramPacket(sample, sample.length, new InetSocketAddress(LOOPBACK, collectorPort)));
                datagrams++;
            }
        } catch (IOException e) {
            // the collector is switched off: the next tick tries again
        }
        try {
            chatLine(("line " + ticks + "\n").getBytes(StandardCharsets.US_ASCII));
        } catch (IOException e) {
            closeChatClient(); // the chat server is switched off: connect again when it is back
        }
    }

    private void chatLine(byte[] line) throws IOException {
        if (chatClient == null && chatPort > 0) {
            Socket socket = new Socket();
            try {
                socket.connect(new InetSocketAddress(LOOPBACK, chatPort), CONNECT_MILLIS);
            } catch (IOException e) {
                socket.close();
                throw e;
            }
            chatClient = socket;
            chatConnections++;
        }
        if (chatClient != null) {
            OutputStream out = chatClient.getOutputStream();
            out.write(line);
            out.flush();
        }
    }

    private void closeChatClient() {
        if (chatClient != null) {
            try {
                chatClient.close();
            } catch (IOException e) {
                // closing a broken connection
            }
            chatClient = null;
        }
    }

    @Override
    public void close() throws InterruptedException {
        ticker.shutdown();
        ticker.awaitTermination(BenchProcess.DEADLINE.toSeconds(), TimeUnit.SECONDS);
        closeChatClient();
        device.close();
    }
}
