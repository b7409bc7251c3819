package io.fieldbench.udp.internal;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;

/** How a sender is written where a device has no id of its own: {@code host:port}, {@code [v6]:port}. */
public final class SourceAddress {

    private SourceAddress() {
    }

    /** Numeric, never looked up in DNS: a lookup per datagram would stall the collector. */
    public static String of(InetSocketAddress address) {
        InetAddress host = address.getAddress();
        if (host == null) {
            return address.getHostString() + ":" + address.getPort();
        }
        String text = host.getHostAddress();
        int scope = text.indexOf('%');
        if (scope >= 0) {
            text = text.substring(0, scope);
        }
        return host instanceof Inet6Address ? "[" + text + "]:" + address.getPort() : text + ":" + address.getPort();
    }
}
