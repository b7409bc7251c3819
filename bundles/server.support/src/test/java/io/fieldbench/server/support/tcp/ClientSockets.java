package io.fieldbench.server.support.tcp;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;

/** A socket test's clients of one server on loopback, each closed at the end if the test did not. */
public final class ClientSockets implements AutoCloseable {

    public static final int TIMEOUT_MILLIS = 30_000;

    private final InetSocketAddress server;
    private final List<Socket> sockets = new ArrayList<>();

    public ClientSockets(InetSocketAddress server) {
        this.server = server;
    }

    /** A connected client whose kernel buffers at most about {@code receiveBuffer} bytes the server sends. */
    public Socket connect(int receiveBuffer) throws IOException {
        Socket socket = new Socket();
        sockets.add(socket);
        socket.setReceiveBufferSize(receiveBuffer);
        socket.setSoTimeout(TIMEOUT_MILLIS);
        socket.connect(server, TIMEOUT_MILLIS);
        return socket;
    }

    @Override
    public void close() throws IOException {
        for (Socket socket : sockets) {
            socket.close();
        }
    }
}
