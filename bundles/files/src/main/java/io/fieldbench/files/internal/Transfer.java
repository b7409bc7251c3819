package io.fieldbench.files.internal;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/** One file on its way to a client; {@link #sent()} grows as the socket takes the bytes. */
public final class Transfer {

    private final long id;
    private final String client;
    private final String name;
    private final long size;
    private final Instant started;
    private final AtomicLong sent = new AtomicLong();

    Transfer(long id, String client, String name, long size, Instant started) {
        this.id = id;
        this.client = client;
        this.name = name;
        this.size = size;
        this.started = started;
    }

    public long id() {
        return id;
    }

    /** The client's address, {@code host:port}. */
    public String client() {
        return client;
    }

    /** The file's name relative to the shared folder. */
    public String name() {
        return name;
    }

    public long size() {
        return size;
    }

    public Instant started() {
        return started;
    }

    public long sent() {
        return sent.get();
    }

    void progress(long bytes) {
        sent.set(bytes);
    }
}
