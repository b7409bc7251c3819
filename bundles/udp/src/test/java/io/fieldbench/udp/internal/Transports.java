package io.fieldbench.udp.internal;

import java.util.ArrayList;
import java.util.List;

/** The transports the socket tests run over: NIO everywhere, epoll where its native library loads. */
final class Transports {

    private Transports() {
    }

    static List<DatagramTransport> here() {
        List<DatagramTransport> transports = new ArrayList<>(List.of(new NioTransport("")));
        if (DatagramTransport.best() instanceof EpollTransport epoll) {
            transports.add(epoll);
        }
        return transports;
    }
}
