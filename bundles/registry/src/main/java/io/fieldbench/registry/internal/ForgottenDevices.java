package io.fieldbench.registry.internal;

import java.util.List;

import io.fieldbench.api.device.Device;

/**
 * What one request to forget devices removed.
 *
 * @param devices the forgotten devices as they were, by id
 */
public record ForgottenDevices(List<Device> devices) {

    public ForgottenDevices {
        devices = List.copyOf(devices);
    }

    /** {@code forgot 12 devices (3 were online)}, or that there was none to forget. */
    public String summary() {
        if (devices.isEmpty()) {
            return "no device to forget";
        }
        long online = devices.stream().filter(Device::online).count();
        return "forgot " + devices.size() + (devices.size() == 1 ? " device" : " devices")
                + (online == 0 ? "" : " (" + online + (online == 1 ? " was" : " were") + " online)");
    }
}
