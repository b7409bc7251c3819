package io.fieldbench.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class TargetTest {

    @Test
    void readsHostAndPort() {
        assertEquals(new Target("10.0.0.7", 9999), Target.parse("10.0.0.7:9999"));
        assertEquals(new Target("bench.lab", 7), Target.parse(" bench.lab:7 "));
    }

    @Test
    void aBarePortMeansLoopback() {
        assertEquals(new Target("127.0.0.1", 9999), Target.parse("9999"));
    }

    @Test
    void ipv6NeedsBrackets() {
        Target target = Target.parse("[::1]:9999");

        assertEquals("::1", target.host());
        assertEquals("[::1]:9999", target.toString());
        assertThrows(IllegalArgumentException.class, () -> Target.parse("::1:9999"));
    }

    @Test
    void refusesPortsOutOfRange() {
        assertThrows(IllegalArgumentException.class, () -> Target.parse("127.0.0.1:0"));
        assertThrows(IllegalArgumentException.class, () -> Target.parse("127.0.0.1:65536"));
        assertThrows(IllegalArgumentException.class, () -> Target.parse(":9999"));
    }
}
