package io.fieldbench.tests.distribution;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** The start-up benchmark sees the ports a process binds, from outside it, as they are bound and released. */
class BoundPortsTest {

    @Test
    void seesListeningTcpAndBoundUdpPortsAndTheirRelease() throws Exception {
        Set<Integer> tcp;
        Set<Integer> udp;
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                DatagramSocket datagrams = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            tcp = Set.of(server.getLocalPort());
            udp = Set.of(datagrams.getLocalPort());

            assertTrue(BoundPorts.allBound(tcp, udp), "both bound");
            assertFalse(BoundPorts.noneBound(tcp, Set.of()), "the TCP port taken");
            assertFalse(BoundPorts.noneBound(Set.of(), udp), "the UDP port taken");
        }
        assertTrue(BoundPorts.noneBound(tcp, udp), "both released");
        assertFalse(BoundPorts.allBound(tcp, udp), "neither bound");
    }
}
