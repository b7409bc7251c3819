package io.fieldbench.registry.ui;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.fieldbench.api.device.Device;

class DeviceFilterTest {

    private static final Instant T0 = Instant.parse("2026-11-21T10:00:00Z");
    private static final Device ONLINE = new Device("Dev0001", Set.of("10.1.2.3:4000"), T0, T0, 1, 1, 0, 0, 0, 0, Set.of("temp"), true);
    private static final Device OFFLINE = new Device("dev0002", Set.of("10.9.9.9:4000"), T0, T0, 1, 1, 0, 0, 0, 0, Set.of("hum"), false);

    @Test
    void matchesIdEndpointOrChannelIgnoringCase() {
        assertTrue(new DeviceFilter("dev0001", false).test(ONLINE));
        assertTrue(new DeviceFilter("10.1.2", false).test(ONLINE));
        assertTrue(new DeviceFilter(" TEMP ", false).test(ONLINE));
        assertFalse(new DeviceFilter("hum", false).test(ONLINE));
    }

    @Test
    void onlineOnlyLeavesOutSilentDevices() {
        assertTrue(new DeviceFilter("", true).test(ONLINE));
        assertFalse(new DeviceFilter("", true).test(OFFLINE));
        assertTrue(new DeviceFilter("", false).test(OFFLINE));
    }
}
