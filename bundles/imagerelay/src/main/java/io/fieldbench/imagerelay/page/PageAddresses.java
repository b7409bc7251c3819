package io.fieldbench.imagerelay.page;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The URLs at which a phone can open the page: with a wildcard bind, one per address of every
 * interface that is up (loopback last), else the bound address. IPv6 link-local addresses are left
 * out: a phone's browser cannot use their zone id.
 */
final class PageAddresses {

    private PageAddresses() {
    }

    /**
     * @param bindAddress the address as set: a socket bound to 0.0.0.0 may say it listens on {@code ::}
     *        (a dual-stack socket), but only {@code ::} set takes IPv6 connections
     */
    static List<PageAddress> of(InetSocketAddress listening, String bindAddress, String token) {
        InetAddress bound = listening.getAddress();
        int port = listening.getPort();
        if (bound == null || !bound.isAnyLocalAddress()) {
            return List.of(new PageAddress(interfaceOf(bound), url(bound, port, token)));
        }
        boolean withIpv6 = bindAddress.contains(":");
        List<PageAddress> outside = new ArrayList<>();
        List<PageAddress> loopback = new ArrayList<>();
        for (NetworkInterface nic : interfaces()) {
            for (InetAddress address : Collections.list(nic.getInetAddresses())) {
                if (address instanceof Inet6Address && (!withIpv6 || address.isLinkLocalAddress())) {
                    continue;
                }
                PageAddress page = new PageAddress(nic.getName(), url(address, port, token));
                (address.isLoopbackAddress() ? loopback : outside).add(page);
            }
        }
        outside.addAll(loopback);
        return List.copyOf(outside);
    }

    /** {@code http://HOST:PORT/?t=TOKEN}, an IPv6 host in brackets. */
    static String url(InetAddress address, int port, String token) {
        String host = address == null ? "localhost" : address.getHostAddress();
        if (address instanceof Inet6Address ipv6) {
            host = "[" + shortest(ipv6.getAddress()) + "]";
        }
        return "http://" + host + ":" + port + "/?t=" + token;
    }

    /** The usual short spelling of an IPv6 address (RFC 5952: the longest run of zero groups as ::), without zone. */
    static String shortest(byte[] address) {
        int groups = address.length / 2;
        int[] group = new int[groups];
        for (int i = 0; i < groups; i++) {
            group[i] = (address[2 * i] & 0xFF) << 8 | address[2 * i + 1] & 0xFF;
        }
        int bestStart = -1;
        int bestLength = 1; // a single zero group stays 0
        for (int i = 0; i < groups; i++) {
            int length = 0;
            while (i + length < groups && group[i + length] == 0) {
                length++;
            }
            if (length > bestLength) {
                bestStart = i;
                bestLength = length;
            }
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < groups; i++) {
            if (i == bestStart) {
                text.append("::");
                i += bestLength - 1;
                continue;
            }
            if (text.length() > 0 && text.charAt(text.length() - 1) != ':') {
                text.append(':');
            }
            text.append(Integer.toHexString(group[i]));
        }
        return text.toString();
    }

    private static List<NetworkInterface> interfaces() {
        List<NetworkInterface> up = new ArrayList<>();
        try {
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (nic.isUp()) {
                    up.add(nic);
                }
            }
        } catch (SocketException e) {
            // no interface list: no address to show; the status still says where the relay listens
        }
        return up;
    }

    private static String interfaceOf(InetAddress address) {
        try {
            NetworkInterface nic = address == null ? null : NetworkInterface.getByInetAddress(address);
            return nic == null ? "" : nic.getName();
        } catch (SocketException e) {
            return "";
        }
    }
}
