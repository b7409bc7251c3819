package io.fieldbench.sim;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;

import io.fieldbench.api.sample.Endpoints;

/**
 * Where datagrams go: {@code host:port}, {@code [v6-address]:port}, or just {@code port} for the
 * loopback address, so that nothing leaves the machine unless the user names another host.
 *
 * @param host a name or an address literal (IPv6 without brackets)
 * @param port 1..65535
 */
public record Target(String host, int port) {

    /** The host a bare port means. */
    public static final String LOOPBACK = "127.0.0.1";

    public Target {
        if (host.isBlank()) {
            throw new IllegalArgumentException("the target needs a host");
        }
        if (port < 1 || port > Endpoints.MAX_PORT) {
            throw new IllegalArgumentException("the target port must be 1.." + Endpoints.MAX_PORT + ", not " + port);
        }
    }

    /** Reads {@code host:port}, {@code [::1]:port} or {@code port}. */
    public static Target parse(String text) {
        String trimmed = text.trim();
        int colon = trimmed.lastIndexOf(':');
        if (colon < 0) {
            return new Target(LOOPBACK, port(trimmed, text));
        }
        String host = trimmed.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        } else if (host.contains(":")) {
            throw new IllegalArgumentException("'" + text + "' is not host:port; write an IPv6 address as [::1]:9999");
        }
        if (host.isEmpty()) {
            throw new IllegalArgumentException("'" + text + "' is not host:port (for example 127.0.0.1:9999)");
        }
        return new Target(host, port(trimmed.substring(colon + 1), text));
    }

    private static int port(String digits, String text) {
        try {
            return Integer.parseInt(digits);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not host:port (for example 127.0.0.1:9999)");
        }
    }

    /** Looks the host up; may block on a name service, so never on the Swing thread. */
    public InetSocketAddress resolve() throws UnknownHostException {
        return new InetSocketAddress(InetAddress.getByName(host), port);
    }

    @Override
    public String toString() {
        return host.contains(":") ? "[" + host + "]:" + port : host + ":" + port;
    }
}
