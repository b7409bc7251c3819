package io.fieldbench.imagerelay.page;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class PageAddressCacheTest {

    private static final InetSocketAddress LOOPBACK = new InetSocketAddress(InetAddress.getLoopbackAddress(), 8899);

    @Test
    void aStatusReadsTheAddressesAsLastReadWithoutAskingTheSystem() {
        AtomicInteger asked = new AtomicInteger();
        PageAddressCache cache = new PageAddressCache(() -> {
            asked.incrementAndGet();
            return new PageAddressCache.Listening(LOOPBACK, "127.0.0.1", "token");
        });

        List<PageAddress> read = cache.refresh();
        for (int i = 0; i < 100; i++) {
            assertEquals(read, cache.pages());
        }

        assertEquals(1, asked.get(), "read once, not at every status");
        assertEquals(List.of("http://127.0.0.1:8899/?t=token"), read.stream().map(PageAddress::url).toList());
    }

    @Test
    void aStoppedRelayHasNoAddresses() {
        PageAddressCache cache = new PageAddressCache(() -> new PageAddressCache.Listening(LOOPBACK, "127.0.0.1", "token"));
        cache.refresh();

        cache.clear();

        assertEquals(List.of(), cache.pages());
    }
}
