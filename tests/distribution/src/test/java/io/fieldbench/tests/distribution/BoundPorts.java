package io.fieldbench.tests.distribution;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Ports held by sockets, read from the kernel's socket tables in {@code /proc/net} (Linux) as a tool
 * outside the process sees them: TCP sockets that listen, UDP sockets that are bound. No connection
 * is made, so probing often neither disturbs a process nor leaves sockets waiting to close.
 */
final class BoundPorts {

    private static final Pattern SOCKET = Pattern.compile("socket:\\[(\\d+)]");
    private static final String TCP_LISTEN = "0A";
    /** Columns of a row of /proc/net/tcp and /proc/net/udp. */
    private static final int LOCAL_ADDRESS = 1;
    private static final int STATE = 3;
    private static final int INODE = 9;

    /** One held port: its protocol, number and socket inode. */
    private record Held(boolean tcp, int port, String inode) {
    }

    private BoundPorts() {
    }

    static Set<Integer> tcpListening() throws IOException {
        return ports(held(), Held::tcp);
    }

    static Set<Integer> udpBound() throws IOException {
        return ports(held(), held -> !held.tcp());
    }

    /** Whether every one of these TCP ports listens and every one of these UDP ports is bound. */
    static boolean allBound(Set<Integer> tcp, Set<Integer> udp) throws IOException {
        List<Held> held = held();
        return ports(held, Held::tcp).containsAll(tcp) && ports(held, h -> !h.tcp()).containsAll(udp);
    }

    /** Whether none of these ports is taken: listened on (TCP) or bound (UDP). */
    static boolean noneBound(Set<Integer> tcp, Set<Integer> udp) throws IOException {
        List<Held> held = held();
        return Collections.disjoint(tcp, ports(held, Held::tcp)) && Collections.disjoint(udp, ports(held, h -> !h.tcp()));
    }

    /** Each listening TCP and each UDP socket of the process as "tcp PORT" or "udp PORT", sorted; a port twice if two sockets hold it. */
    static List<String> of(long pid) throws IOException {
        Set<String> inodes = socketInodes(Path.of("/proc", Long.toString(pid), "fd"));
        List<String> ports = new ArrayList<>();
        for (Held held : held()) {
            if (inodes.contains(held.inode())) {
                ports.add((held.tcp() ? "tcp " : "udp ") + held.port());
            }
        }
        Collections.sort(ports);
        return List.copyOf(ports);
    }

    private static Set<Integer> ports(List<Held> held, Predicate<Held> which) {
        Set<Integer> ports = new HashSet<>();
        held.stream().filter(which).forEach(h -> ports.add(h.port()));
        return ports;
    }

    /** Every listening TCP socket and every UDP socket of the machine. */
    private static List<Held> held() throws IOException {
        List<Held> held = new ArrayList<>();
        for (String table : List.of("tcp", "tcp6", "udp", "udp6")) {
            Path path = Path.of("/proc/net", table);
            if (!Files.isReadable(path)) {
                continue; // no IPv6 on this machine
            }
            boolean tcp = table.startsWith("tcp");
            List<String> rows = Files.readAllLines(path);
            for (String row : rows.subList(1, rows.size())) { // after the header
                String[] columns = row.trim().split("\\s+");
                if (!tcp || TCP_LISTEN.equals(columns[STATE])) {
                    String address = columns[LOCAL_ADDRESS];
                    held.add(new Held(tcp, Integer.parseInt(address.substring(address.lastIndexOf(':') + 1), 16), columns[INODE]));
                }
            }
        }
        return held;
    }

    private static Set<String> socketInodes(Path fds) throws IOException {
        Set<String> inodes = new HashSet<>();
        try (DirectoryStream<Path> links = Files.newDirectoryStream(fds)) {
            for (Path link : links) {
                try {
                    Matcher socket = SOCKET.matcher(Files.readSymbolicLink(link).toString());
                    if (socket.matches()) {
                        inodes.add(socket.group(1));
                    }
                } catch (NoSuchFileException closed) {
                    // closed while listed
                }
            }
        }
        return inodes;
    }
}
