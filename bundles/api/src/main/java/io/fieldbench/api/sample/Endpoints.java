package io.fieldbench.api.sample;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;

/**
 * How the bench names a UDP endpoint: {@code a.b.c.d:port}, or {@code [v6]:port} without a scope id.
 * Bundles compare these names (the registry files a decode error under the device last seen at
 * the same name the collector gave a device without an id of its own), so there is one spelling.
 * Numeric only: never looked up in DNS, since a lookup per datagram would stall the collector.
 */
public final class Endpoints {

    /** The highest port number: every server's settings, view and client check against it. */
    public static final int MAX_PORT = 65_535;

    private Endpoints() {
    }

    /** The name of an address; one that was never resolved keeps its host string. */
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
