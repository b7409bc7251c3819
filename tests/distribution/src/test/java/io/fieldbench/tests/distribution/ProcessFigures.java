package io.fieldbench.tests.distribution;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What a leak leaves in a running bench, read from outside its JVM (Linux, same user): threads,
 * open files, the ports it holds, the heap that is live after a full GC, and the class loaders of
 * bundles that are still alive then.
 *
 * @param threads            the {@code Threads:} line of {@code /proc/PID/status}
 * @param openFiles          the entries of {@code /proc/PID/fd}
 * @param ports              the listening TCP and the UDP sockets ({@link BoundPorts})
 * @param liveHeapBytes      the total of {@code jcmd PID GC.class_histogram}, which runs a full GC first
 * @param bundleClassLoaders Felix's bundle class loaders in that histogram: one per resolved bundle
 *                           with classes, so a bundle that is gone but held on to stays counted
 * @param bundleRecords      Felix's records of bundles ({@code BundleImpl}) in that histogram: one per
 *                           installed bundle, and one per uninstalled bundle that something still holds
 */
record ProcessFigures(long threads, long openFiles, List<String> ports, long liveHeapBytes, long bundleClassLoaders,
        long bundleRecords) {

    private static final Pattern THREADS = Pattern.compile("Threads:\\s+(\\d+)");
    private static final Pattern TOTAL = Pattern.compile("Total\\s+\\d+\\s+(\\d+)");
    private static final Pattern BUNDLE_CLASS_LOADERS = Pattern.compile(
            "\\d+:\\s+(\\d+)\\s+\\d+\\s+org\\.apache\\.felix\\.framework\\.BundleWiringImpl\\$BundleClassLoader");
    private static final Pattern BUNDLE_RECORDS = Pattern.compile("\\d+:\\s+(\\d+)\\s+\\d+\\s+org\\.apache\\.felix\\.framework\\.BundleImpl\\s");

    /**
     * Measures the process. The full GC comes first, so that threads and files that only the
     * collector releases (a closed-over socket a finalizer or cleaner closes) are gone when counted.
     */
    static ProcessFigures of(long pid) throws IOException, InterruptedException {
        String histogram = Jcmd.run(pid, "GC.class_histogram");
        Path proc = Path.of("/proc", Long.toString(pid));
        long openFiles;
        try (Stream<Path> fds = Files.list(proc.resolve("fd"))) {
            openFiles = fds.count();
        }
        return new ProcessFigures(number(THREADS, Files.readString(proc.resolve("status"))), openFiles, BoundPorts.of(pid),
                number(TOTAL, histogram), number(BUNDLE_CLASS_LOADERS, histogram), number(BUNDLE_RECORDS, histogram));
    }

    private static long number(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        if (!matcher.find()) {
            throw new IllegalStateException("no " + pattern + " in what the bench's JVM told: "
                    + text.lines().limit(3).toList());
        }
        return Long.parseLong(matcher.group(1));
    }
}
