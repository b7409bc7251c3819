package io.fieldbench.tests.distribution;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The ports this machine's sockets listen on (TCP) or are bound to (UDP), read from {@code /proc/net}
 * (Linux) as a tool outside the process sees them: no connection is made, so probing a port often
 * neither disturbs the process nor leaves sockets waiting to close.
 */
final class BoundPorts {

    private static final List<Path> TCP = List.of(Path.of("/proc/net/tcp"), Path.of("/proc/net/tcp6"));
    private static final List<Path> UDP = List.of(Path.of("/proc/net/udp"), Path.of("/proc/net/udp6"));
    private static final String LISTEN = "0A";

    private BoundPorts() {
    }

    static Set<Integer> tcpListening() throws IOException {
        return ports(TCP, true);
    }

    static Set<Integer> udpBound() throws IOException {
        return ports(UDP, false);
    }

    /** Whether every one of these TCP ports listens and every one of these UDP ports is bound. */
    static boolean allBound(Set<Integer> tcp, Set<Integer> udp) throws IOException {
        return tcpListening().containsAll(tcp) && udpBound().containsAll(udp);
    }

    /** Whether none of these ports is taken: listened on (TCP) or bound (UDP). */
    static boolean noneBound(Set<Integer> tcp, Set<Integer> udp) throws IOException {
        return Collections.disjoint(tcp, tcpListening()) && Collections.disjoint(udp, udpBound());
    }

    /** Each line after the header: {@code sl local_address rem_address st ...}, the address as {@code HEX_IP:HEX_PORT}. */
    private static Set<Integer> ports(List<Path> tables, boolean listeningOnly) throws IOException {
        Set<Integer> ports = new HashSet<>();
        for (Path table : tables) {
            if (!Files.isReadable(table)) {
                continue; // no IPv6 on this machine
            }
            List<String> lines = Files.readAllLines(table);
            for (String line : lines.subList(1, lines.size())) {
                String[] fields = line.trim().split("\\s+");
                if (!listeningOnly || LISTEN.equals(fields[3])) {
                    ports.add(Integer.parseInt(fields[1].substring(fields[1].lastIndexOf(':') + 1), 16));
                }
            }
        }
        return ports;
    }
}
