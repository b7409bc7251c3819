package io.fieldbench.server.support.tcp;

import java.lang.management.ManagementFactory;

import com.sun.management.UnixOperatingSystemMXBean;

/**
 * The files this JVM has open, sockets included: a server and its test clients in one process
 * leave the count where it began once every connection is closed on both sides.
 */
public final class OpenFiles {

    private OpenFiles() {
    }

    public static long count() {
        return ((UnixOperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getOpenFileDescriptorCount();
    }
}
