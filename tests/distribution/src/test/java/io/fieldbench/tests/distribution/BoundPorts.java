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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The ports a process holds (Linux): its TCP sockets that listen and its UDP sockets, found by
 * matching the socket inodes among its open files with the kernel's socket tables.
 */
final class BoundPorts {

    private static final Pattern SOCKET = Pattern.compile("socket:\\[(\\d+)]");
    private static final String TCP_LISTEN = "0A";
    /** Columns of a row of /proc/net/tcp and /proc/net/udp. */
    private static final int LOCAL_ADDRESS = 1;
    private static final int STATE = 3;
    private static final int INODE = 9;

    private BoundPorts() {
    }

    /** Each listening TCP and each UDP socket of the process as "tcp PORT" or "udp PORT", sorted; a port twice if two sockets hold it. */
    static List<String> of(long pid) throws IOException {
        Set<String> inodes = socketInodes(Path.of("/proc", Long.toString(pid), "fd"));
        List<String> ports = new ArrayList<>();
        for (String table : List.of("tcp", "tcp6", "udp", "udp6")) {
            boolean tcp = table.startsWith("tcp");
            List<String> rows = Files.readAllLines(Path.of("/proc/net", table));
            for (String row : rows.subList(1, rows.size())) { // after the header
                String[] columns = row.trim().split("\\s+");
                if (inodes.contains(columns[INODE]) && (!tcp || TCP_LISTEN.equals(columns[STATE]))) {
                    String address = columns[LOCAL_ADDRESS];
                    ports.add((tcp ? "tcp " : "udp ") + Integer.parseInt(address.substring(address.indexOf(':') + 1), 16));
                }
            }
        }
        Collections.sort(ports);
        return List.copyOf(ports);
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
