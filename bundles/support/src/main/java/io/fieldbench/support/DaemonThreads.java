package io.fieldbench.support;

import java.util.concurrent.ThreadFactory;

/**
 * Threads that never keep the JVM alive, each named so a thread dump says whose it is. Bundles on
 * Netty use its {@code DefaultThreadFactory} instead; this is for the others.
 */
public final class DaemonThreads {

    private DaemonThreads() {
    }

    /** A factory for an executor: every thread it makes is a daemon called {@code name}. */
    public static ThreadFactory named(String name) {
        return task -> daemon(name, task);
    }

    /** Starts {@code task} on a new daemon thread called {@code name}. */
    public static Thread start(String name, Runnable task) {
        Thread thread = daemon(name, task);
        thread.start();
        return thread;
    }

    private static Thread daemon(String name, Runnable task) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        return thread;
    }
}
