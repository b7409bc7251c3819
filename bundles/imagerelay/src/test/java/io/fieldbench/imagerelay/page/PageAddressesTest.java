package io.fieldbench.imagerelay.page;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;

import org.junit.jupiter.api.Test;

class PageAddressesTest {

    @Test
    void ipv6IsWrittenShortInBrackets() throws Exception {
        assertEquals("http://[fd00::2]:8899/?t=ab", PageAddresses.url(InetAddress.getByName("fd00:0:0:0:0:0:0:2"), 8899, "ab"));
        assertEquals("http://[::1]:80/?t=ab", PageAddresses.url(InetAddress.getByName("::1"), 80, "ab"));
        assertEquals("http://192.168.1.5:8899/?t=ab", PageAddresses.url(InetAddress.getByName("192.168.1.5"), 8899, "ab"));
        assertEquals("2001:db8::1:0:0:1", PageAddresses.shortest(InetAddress.getByName("2001:db8:0:0:1:0:0:1").getAddress()));
        assertEquals("2001:db8:0:1:1:1:1:1", PageAddresses.shortest(InetAddress.getByName("2001:db8:0:1:1:1:1:1").getAddress()));
        assertEquals("::", PageAddresses.shortest(new byte[16]));
    }

    @Test
    void aBoundAddressIsTheOnlyPage() throws Exception {
        List<PageAddress> pages = PageAddresses.of(new InetSocketAddress(InetAddress.getLoopbackAddress(), 8899),
                "127.0.0.1", "ab");
        assertEquals(1, pages.size());
        assertEquals("http://127.0.0.1:8899/?t=ab", pages.get(0).url());
    }

    @Test
    void aWildcardListsEveryUpInterfaceLoopbackLastWithoutIpv6WhenBoundToIpv4() throws Exception {
        List<PageAddress> pages = PageAddresses.of(new InetSocketAddress(InetAddress.getByName("0.0.0.0"), 8899),
                "0.0.0.0", "ab");
        assertFalse(pages.isEmpty(), "at least loopback");
        assertTrue(pages.stream().noneMatch(p -> p.url().contains("[")), pages.toString());
        assertEquals("http://127.0.0.1:8899/?t=ab", pages.get(pages.size() - 1).url(), "loopback last");
        List<PageAddress> withIpv6 = PageAddresses.of(new InetSocketAddress(InetAddress.getByName("::"), 8899), "::", "ab");
        assertTrue(withIpv6.stream().noneMatch(p -> p.url().startsWith("http://[fe80")), "no link-local: " + withIpv6);
    }
}
