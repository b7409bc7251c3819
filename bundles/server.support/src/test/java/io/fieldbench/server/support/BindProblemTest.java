package io.fieldbench.server.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.BindException;
import java.net.SocketException;
import java.nio.channels.UnresolvedAddressException;

import org.junit.jupiter.api.Test;

/** Each kind of bind failure is said with the protocol, the address or port, and the settings file. */
class BindProblemTest {

    private final BindProblem tcp = new BindProblem("TCP", "io.fieldbench.chat");

    @Test
    void eachFailureNamesWhatToChangeWhere() {
        assertEquals("TCP port 8080 is in use by another program: stop it or choose another port in"
                + " Settings / <data>/etc/io.fieldbench.chat.cfg", tcp.describe(new BindException("Address already in use"), "0.0.0.0", 8080));
        assertEquals("Cannot listen on TCP 10.9.9.9:8080: 10.9.9.9 is not an address of this machine; choose another bind"
                + " address in Settings / <data>/etc/io.fieldbench.chat.cfg",
                tcp.describe(new BindException("Cannot assign requested address"), "10.9.9.9", 8080));
        assertEquals("Cannot listen on TCP: bind address 'nohost' is unknown; choose another in"
                + " Settings / <data>/etc/io.fieldbench.chat.cfg", tcp.describe(new UnresolvedAddressException(), "nohost", 8080));
        assertEquals("Cannot listen on TCP port 80: ports below 1024 need administrator rights; choose another port in"
                + " Settings / <data>/etc/io.fieldbench.chat.cfg", tcp.describe(new SocketException("Permission denied"), "0.0.0.0", 80));
        assertEquals("Cannot listen on UDP 0.0.0.0:9000: IOException; check the settings in Settings / <data>/etc/io.fieldbench.udp.cfg",
                new BindProblem("UDP", "io.fieldbench.udp").describe(new IOException(), "0.0.0.0", 9000));
    }
}
