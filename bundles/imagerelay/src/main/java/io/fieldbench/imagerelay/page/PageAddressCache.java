package io.fieldbench.imagerelay.page;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * The page's addresses, read off the network interfaces once and then again when they are
 * {@value #STALE_MILLIS} ms old, on a pool thread: a status asked four times a second (the view,
 * {@code fb:status}) never enumerates interfaces itself, yet a phone that joins another Wi-Fi shows
 * up within seconds.
 */
public final class PageAddressCache {

    static final long STALE_MILLIS = 10_000;

    /** Where the relay listens and with which token; null when it does not. */
    public record Listening(InetSocketAddress address, String bindAddress, String token) {
    }

    private final Supplier<Listening> listening;
    private final AtomicBoolean refreshing = new AtomicBoolean();
    private volatile List<PageAddress> pages = List.of();
    private volatile long readAtMillis;

    public PageAddressCache(Supplier<Listening> listening) {
        this.listening = listening;
    }

    /** Reads the addresses now, on the caller's thread (one that may do I/O); gives them. */
    public List<PageAddress> refresh() {
        return refresh(listening.get());
    }

    /** Reads the addresses of a socket that has just opened (the relay may not show it yet); gives them. */
    public List<PageAddress> refresh(Listening now) {
        List<PageAddress> read = now == null ? List.of() : PageAddresses.of(now.address(), now.bindAddress(), now.token());
        pages = read;
        readAtMillis = System.currentTimeMillis();
        return read;
    }

    /** The relay stopped listening: no addresses until it listens again. */
    public void clear() {
        pages = List.of();
        readAtMillis = System.currentTimeMillis();
    }

    /** The addresses as last read; starts a refresh in the background when they are stale. Any thread, no I/O. */
    public List<PageAddress> pages() {
        if (System.currentTimeMillis() - readAtMillis > STALE_MILLIS && refreshing.compareAndSet(false, true)) {
            CompletableFuture.runAsync(this::refresh).whenComplete((done, failure) -> refreshing.set(false));
        }
        return pages;
    }
}
