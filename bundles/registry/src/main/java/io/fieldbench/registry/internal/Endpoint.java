package io.fieldbench.registry.internal;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;

/**
 * How a source address is written: {@code host:port}, {@code [v6]:port}, numeric. The collector
 * writes a device without an id of its own the same way, so a decode error from such a device
 * lands on the same entry as its samples.
 */
final class Endpoint {

    private Endpoint() {
    }

    /** Numeric, never looked up in DNS (a lookup per datagram would stall the registry). */
    static String of(InetSocketAddress address) {
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
