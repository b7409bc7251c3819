package io.fieldbench.registry.console;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import io.fieldbench.api.device.Device;
import io.fieldbench.registry.internal.RegistryHealth;

/** The device table as console text: aligned columns, then one line of totals. */
final class DeviceTableText {

    private static final String ROW = "%-16s %-24s %10s %9s %7s %7s %-9s %s%s%n";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());

    private DeviceTableText() {
    }

    static String table(List<Device> devices) {
        StringBuilder text = new StringBuilder(String.format(ROW,
                "DEVICE", "ENDPOINT", "PACKETS", "RATE/S", "ERRORS", "LOST", "LAST SEEN", "ONLINE", "  LAST MESSAGE"));
        for (Device device : devices) {
            text.append(String.format(ROW, device.id(), endpoints(device), device.packets(),
                    String.format("%.1f", device.rate()), device.decodeErrors(), device.lost(), time(device.lastSeen()),
                    device.online() ? "yes" : "no", device.lastMessage().isEmpty() ? "" : "  " + device.lastMessage()));
        }
        return text.toString();
    }

    /** {@code 500 devices, 498 online, 25000 packets, 3 decode errors, 12 lost}, plus what the registry missed. */
    static String totals(List<Device> devices, RegistryHealth health) {
        long online = devices.stream().filter(Device::online).count();
        long packets = devices.stream().mapToLong(Device::packets).sum();
        long errors = devices.stream().mapToLong(Device::decodeErrors).sum();
        long lost = devices.stream().mapToLong(Device::lost).sum();
        String text = devices.size() + (devices.size() == 1 ? " device, " : " devices, ") + online + " online, "
                + packets + " packets, " + errors + " decode errors, " + lost + " lost";
        if (health.dropped() > 0) {
            text += "; " + health.dropped() + " datagrams not counted (the registry fell behind)";
        }
        if (health.untracked() > 0) {
            text += "; " + health.untracked() + " datagrams from devices beyond the registry's limit";
        }
        if (health.failures() > 0) {
            text += "; " + health.failures() + " batches failed (see the log)";
        }
        return text;
    }

    /** The alphabetically first endpoint, and how many more there are. */
    private static String endpoints(Device device) {
        List<String> sorted = device.endpoints().stream().sorted().toList();
        if (sorted.isEmpty()) {
            return "-";
        }
        return sorted.size() == 1 ? sorted.get(0) : sorted.get(0) + " +" + (sorted.size() - 1);
    }

    private static String time(Instant instant) {
        return instant == null ? "-" : TIME.format(instant);
    }
}
