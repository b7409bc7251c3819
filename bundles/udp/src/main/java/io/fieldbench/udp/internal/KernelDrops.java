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
    private volatile long inode = -1;
    private boolean known;
    /** What {@link #total()} says: published after each change, so that the EDT never waits for a read of /proc. */
    private volatile long total = -1;

    /** Finds the socket bound to this port; the count stays unknown if the system does not tell. */
    void watch(int port) {
        long found = findInode(port, TABLES, openSocketInodes());
        synchronized (this) {
            inode = found;
            current = 0;
            known |= found >= 0;
            publish();
        }
        refresh();
    }

    /** The socket closes: its last count joins the total. */
    void unwatch() {
        refresh();
        synchronized (this) {
            closedSockets += current;
            current = 0;
            inode = -1;
            publish();
        }
    }

    /** Reads the watched socket's count again; the tables are read without holding the lock. */
    void refresh() {
        long watched = inode;
        if (watched < 0) {
            return;
        }
        OptionalLong drops = OptionalLong.empty();
        for (Path table : TABLES) {
            drops = drops(readLines(table), watched);
            if (drops.isPresent()) {
                break;
            }
        }
        if (drops.isPresent()) {
            synchronized (this) {
                if (inode == watched) {
                    current = drops.getAsLong();
                    publish();
                }
            }
        }
    }

    /** Drops at every socket the collector had, or -1 when the system never said. Any thread; never waits. */
    long total() {
        return total;
    }

    private void publish() {
        total = known ? closedSockets + current : -1;
    }

    /** The drops column of the row with this inode, in the lines of a {@code /proc/net/udp} table. */
    static OptionalLong drops(List<String> lines, long inode) {
        String inodeText = Long.toString(inode);
        String inodeColumn = " " + inodeText + " ";
        for (String line : lines) {
            if (!line.contains(inodeColumn)) {
                continue; // split only the row that can be ours: the table lists every UDP socket of the machine, each second
            }
            String[] columns = line.trim().split("\\s+");
            if (columns.length > DROPS_COLUMN && columns[INODE_COLUMN].equals(inodeText)) {
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
