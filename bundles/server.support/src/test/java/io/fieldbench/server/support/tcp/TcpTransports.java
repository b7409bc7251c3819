package io.fieldbench.server.support.tcp;

import java.util.ArrayList;
import java.util.List;

/**
 * The transports the TCP servers' socket tests run over, as Netty's testsuite runs each socket
 * test over every transport: NIO everywhere, epoll where its native library loads.
 */
public final class TcpTransports {

    private TcpTransports() {
    }

    public static List<TcpTransport> here() {
        List<TcpTransport> transports = new ArrayList<>(List.of(new NioTcpTransport("")));
        if (TcpTransport.best() instanceof EpollTcpTransport epoll) {
            transports.add(epoll);
        }
        return transports;
    }
}
