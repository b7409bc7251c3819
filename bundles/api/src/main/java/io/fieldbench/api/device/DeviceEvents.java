package io.fieldbench.api.device;

/** EventAdmin topics of the device registry. Property {@link #DEVICE}: the {@link Device} as it is now. */
public final class DeviceEvents {

    /** A device sent after being silent, or for the first time. */
    public static final String ONLINE = "io/fieldbench/device/ONLINE";

    /** A device was silent for longer than the configured time, or was forgotten while online. */
    public static final String OFFLINE = "io/fieldbench/device/OFFLINE";

    /** Event property: the device. */
    public static final String DEVICE = "device";

    private DeviceEvents() {
    }
}
