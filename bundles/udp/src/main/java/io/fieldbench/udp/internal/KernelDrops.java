package io.fieldbench.udp.internal;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The datagrams the kernel dropped at the collector's socket because its receive buffer was full:
 * the loss Netty and the JVM never see. Linux tells it in the {@code drops} column of
 * {@code /proc/net/udp} and {@code /proc/net/udp6}, per socket inode; the collector's socket is the
 * row with its port whose inode is one of this process's open sockets. Elsewhere the count is
 * unknown ({@code -1}).
 * <p>
 * The count is kept across restarts: the drops of closed sockets add up.
 */
final class KernelDrops {

    static final List<Path> TABLES = List.of(Path.of("/proc/net/udp"), Path.of("/proc/net/udp6"));
    private static final Path OWN_FILE_DESCRIPTORS = Path.of("/proc/self/fd");
    private static final String SOCKET_LINK_PREFIX = "socket:[";
    private static final int LOCAL_ADDRESS_COLUMN = 1;
    private static final int INODE_COLUMN = 9;
    private static final int DROPS_COLUMN = 12;

    private long closedSockets;
    private long current;
    private long inode = -1;
    private boolean known;

    /** Finds the socket bound to this port; the count stays unknown if the system does not tell. */
    synchronized void watch(int port) {
        inode = findInode(port, TABLES, openSocketInodes());
        current = 0;
        if (inode >= 0) {
            known = true;
            refresh();
        }
    }

    /** The socket closes: its last count joins the total. */
    synchronized void unwatch() {
        if (inode >= 0) {
            refresh();
            closedSockets += current;
        }
        current = 0;
        inode = -1;
    }

    /** Reads the watched socket's count again. */
    synchronized void refresh() {
        if (inode < 0) {
            return;
        }
        for (Path table : TABLES) {
            OptionalLong drops = drops(readLines(table), inode);
            if (drops.isPresent()) {
                current = drops.getAsLong();
                return;
            }
        }
    }

    /** Drops at every socket the collector had, or -1 when the system never said. */
    synchronized long total() {
        return known ? closedSockets + current : -1;
    }

    /** The drops column of the row with this inode, in the lines of a {@code /proc/net/udp} table. */
    static OptionalLong drops(List<String> lines, long inode) {
        for (String line : lines) {
            String[] columns = line.trim().split("\\s+");
            if (columns.length > DROPS_COLUMN && columns[INODE_COLUMN].equals(Long.toString(inode))) {
                try {
                    return OptionalLong.of(Long.parseLong(columns[DROPS_COLUMN]));
                } catch (NumberFormatException e) {
                    return OptionalLong.empty();
                }
            }
        }
        return OptionalLong.empty();
    }

    /** The inode of the row bound to this port that is one of the given inodes, or -1. */
    static long findInode(int port, List<Path> tables, Set<Long> ownInodes) {
        String portSuffix = ":" + String.format(Locale.ROOT, "%04X", port);
        for (Path table : tables) {
            for (String line : readLines(table)) {
                String[] columns = line.trim().split("\\s+");
                if (columns.length <= DROPS_COLUMN || !columns[LOCAL_ADDRESS_COLUMN].toUpperCase(Locale.ROOT).endsWith(portSuffix)) {
                    continue;
                }
                try {
                    long candidate = Long.parseLong(columns[INODE_COLUMN]);
                    if (ownInodes.contains(candidate)) {
                        return candidate;
                    }
                } catch (NumberFormatException e) {
                    // a header or a row in another format
                }
            }
        }
        return -1;
    }

    /** The inodes of this process's sockets, from the links {@code /proc/self/fd/N -> socket:[inode]}. */
    private static Set<Long> openSocketInodes() {
        Set<Long> inodes = new HashSet<>();
        if (!Files.isDirectory(OWN_FILE_DESCRIPTORS)) {
            return inodes;
        }
        try (DirectoryStream<Path> descriptors = Files.newDirectoryStream(OWN_FILE_DESCRIPTORS)) {
            for (Path descriptor : descriptors) {
                try {
                    String target = Files.readSymbolicLink(descriptor).toString();
                    if (target.startsWith(SOCKET_LINK_PREFIX)) {
                        inodes.add(Long.parseLong(target.substring(SOCKET_LINK_PREFIX.length(), target.length() - 1)));
                    }
                } catch (IOException | NumberFormatException | UnsupportedOperationException e) {
                    // closed meanwhile, or not a socket
                }
            }
        } catch (IOException e) {
            // no /proc: the count stays unknown
        }
        return inodes;
    }

    private static List<String> readLines(Path table) {
        try {
            return Files.readAllLines(table);
        } catch (IOException e) {
            return List.of();
        }
    }
}
