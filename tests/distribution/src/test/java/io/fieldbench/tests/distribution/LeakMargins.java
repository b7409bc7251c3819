package io.fieldbench.tests.distribution;

import java.util.ArrayList;
import java.util.List;

/**
 * How far each figure of a bench may end above where it started before a test calls it a leak.
 * The margins are small and fixed, and a leak grows with every cycle: a thread, a file or a
 * socket left per cycle passes them within a few cycles.
 */
final class LeakMargins {

    /**
     * Pools that size themselves by load: the JDK's common pool keeps an idle thread for a minute,
     * Netty's global executor ends its thread a second after its last task.
     */
    static final long THREADS = 2;
    /** The selectors of those threads (an epoll selector holds two files) and a console or attach connection closing. */
    static final long OPEN_FILES = 5;
    /** Ports: none. A socket still bound after its server stopped is the leak that keeps a port from being used again. */
    static final long PORTS = 0;
    /**
     * What fills as the bench runs whatever the cycles do: the log's and the collector's recent
     * lines, the devices' latest samples, JIT and string tables. State a cycle leaves behind grows
     * past this as the cycles go on.
     */
    static final double HEAP_GROWTH = 0.10;
    /**
     * Felix makes a bundle's class loader when the bundle's first class is loaded, which may be late
     * (a library's path that a reconnect seldom takes). A loader alive after its bundle has gone,
     * which keeps every class of that bundle, passes this at the second cycle.
     */
    static final long BUNDLE_CLASS_LOADERS = 1;
    /**
     * The framework's record of a bundle (its revisions, archive, headers) stays while anything
     * holds the bundle: the log's recent entries do, until they turn over. Kept one per cycle, it
     * passes this at the second cycle.
     */
    static final long BUNDLE_RECORDS = 1;

    private LeakMargins() {
    }

    /** Each figure that ended above its margin, as "what: before → after"; empty when all held. */
    static List<String> exceeded(ProcessFigures before, ProcessFigures after) {
        List<String> leaks = new ArrayList<>();
        check(leaks, "threads", before.threads(), after.threads(), THREADS);
        check(leaks, "open files", before.openFiles(), after.openFiles(), OPEN_FILES);
        if (Math.abs(after.ports().size() - before.ports().size()) > PORTS) {
            leaks.add("ports: " + before.ports() + " → " + after.ports());
        }
        check(leaks, "live heap bytes", before.liveHeapBytes(), after.liveHeapBytes(), Math.round(before.liveHeapBytes() * HEAP_GROWTH));
        check(leaks, "bundle class loaders", before.bundleClassLoaders(), after.bundleClassLoaders(), BUNDLE_CLASS_LOADERS);
        check(leaks, "bundle records", before.bundleRecords(), after.bundleRecords(), BUNDLE_RECORDS);
        return leaks;
    }

    private static void check(List<String> leaks, String figure, long before, long after, long margin) {
        if (after > before + margin) {
            leaks.add(figure + ": " + before + " → " + after + " (margin +" + margin + ")");
        }
    }
}
