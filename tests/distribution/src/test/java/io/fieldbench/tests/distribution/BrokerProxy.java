package io.fieldbench.tests.distribution;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP proxy on loopback between a bench and the broker, that a test cuts and restores: as a
 * black hole (the sockets stay open, no byte passes either way until the restore, as when a route
 * or a firewall drops the packets) or as a reset (every connection is reset, and each new one too
 * until the restore). A connection the broker ends or refuses is ended towards the bench as well.
 * Threads are daemons; {@link #close()} ends them all.
 */
final class BrokerProxy implements AutoCloseable {

    private static final int CONNECT_MILLIS = 1_000;
    private static final int BUFFER_BYTES = 16 * 1024;

    private enum State { FORWARDING, BLACK_HOLE, RESET, CLOSED }

    private final ServerSocket server;
    private final int brokerPort;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private State state = State.FORWARDING;

    BrokerProxy(int brokerPort) throws IOException {
        this.brokerPort = brokerPort;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        daemon(this::accept, "proxy-accept");
    }

    /** The address a bench's {@code broker} setting names to go through the proxy. */
    String uri() {
        return "tcp://127.0.0.1:" + server.getLocalPort();
    }

    /** Stops every byte, both ways, leaving the sockets open. */
    synchronized void blackHole() {
        state = State.BLACK_HOLE;
    }

    /** Resets every connection, and each new one until {@link #restore()}. */
    void reset() {
        synchronized (this) {
            state = State.RESET;
        }
        sockets.forEach(this::abort);
    }

    /** Forwards again: held bytes go on, new connections reach the broker. */
    synchronized void restore() {
        state = State.FORWARDING;
        notifyAll();
    }

    @Override
    public void close() throws IOException {
        synchronized (this) {
            state = State.CLOSED;
            notifyAll();
        }
        server.close();
        sockets.forEach(this::abort);
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket bench = server.accept();
                if (current() != State.FORWARDING && current() != State.BLACK_HOLE) {
                    abort(bench);
                    continue;
                }
                Socket broker = new Socket();
                try {
                    broker.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), brokerPort), CONNECT_MILLIS);
                } catch (IOException refused) {
                    abort(bench); // the broker is down: the bench sees its connection fail, as without the proxy
                    continue;
                }
                sockets.add(bench);
                sockets.add(broker);
                daemon(() -> pump(bench, broker), "proxy-up");
                daemon(() -> pump(broker, bench), "proxy-down");
            } catch (IOException e) {
                // closed
            }
        }
    }

    /** Copies one direction until either side ends; then ends both. */
    private void pump(Socket from, Socket to) {
        byte[] buffer = new byte[BUFFER_BYTES];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            for (int n; (n = in.read(buffer)) >= 0;) {
                if (!awaitForwarding()) {
                    break;
                }
                out.write(buffer, 0, n);
            }
        } catch (IOException | InterruptedException e) {
            // reset, closed, or the other direction ended it
        } finally {
            abort(from);
            abort(to);
        }
    }

    /** Holds the bytes while a black hole lasts; false once the connection is to end. */
    private synchronized boolean awaitForwarding() throws InterruptedException {
        while (state == State.BLACK_HOLE) {
            wait();
        }
        return state == State.FORWARDING;
    }

    private synchronized State current() {
        return state;
    }

    private void abort(Socket socket) {
        sockets.remove(socket);
        try {
            socket.setSoLinger(true, 0); // close with RST, not FIN
            socket.close();
        } catch (IOException e) {
            // already closed
        }
    }

    private static void daemon(Runnable work, String name) {
        Thread thread = new Thread(work, name);
        thread.setDaemon(true);
        thread.start();
    }
}
