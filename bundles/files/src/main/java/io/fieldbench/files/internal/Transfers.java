package io.fieldbench.files.internal;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** The transfers in progress and the counts of those that ended. Any thread. */
final class Transfers {

    private final Map<Long, Transfer> running = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();
    private final AtomicLong served = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();

    Transfer begin(String client, String name, long size) {
        Transfer transfer = new Transfer(ids.incrementAndGet(), client, name, size, Instant.now());
        running.put(transfer.id(), transfer);
        return transfer;
    }

    /** The transfer ended: whole when {@code complete}, cut short (client gone, service stopped) when not. */
    void end(Transfer transfer, boolean complete) {
        if (running.remove(transfer.id()) != null) {
            (complete ? served : failed).incrementAndGet();
            bytes.addAndGet(transfer.sent());
        }
    }

    List<Transfer> inProgress() {
        return running.values().stream().sorted(Comparator.comparingLong(Transfer::id)).toList();
    }

    long served() {
        return served.get();
    }

    long failed() {
        return failed.get();
    }

    long bytesSent() {
        return bytes.get();
    }
}
