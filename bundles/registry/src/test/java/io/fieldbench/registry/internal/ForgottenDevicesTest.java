package io.fieldbench.registry.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.fieldbench.api.device.Device;

class ForgottenDevicesTest {

    @Test
    void saysHowManyWereForgottenAndHowManyOfThemWereOnline() {
        assertEquals("forgot 3 devices (1 was online)",
                new ForgottenDevices(List.of(device("a", true), device("b", false), device("c", false))).summary());
        assertEquals("forgot 2 devices (2 were online)", new ForgottenDevices(List.of(device("a", true), device("b", true))).summary());
        assertEquals("forgot 1 device", new ForgottenDevices(List.of(device("a", false))).summary());
        assertEquals("no device to forget", new ForgottenDevices(List.of()).summary());
    }

    private static Device device(String id, boolean online) {
        return new Device(id, Set.of(), Instant.EPOCH, Instant.EPOCH, 1, 1, 0, 0, 0, 0, Set.of(), online);
    }
}
