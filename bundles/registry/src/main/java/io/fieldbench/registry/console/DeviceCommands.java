package io.fieldbench.registry.console;

import java.util.List;
import java.util.Locale;

import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.Parameter;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.fieldbench.api.device.Device;
import io.fieldbench.registry.internal.LiveDeviceRegistry;
import io.fieldbench.registry.internal.RegistryHealth;

/** {@code fb:devices}: the device table on the console, or its totals with {@code --count}. */
@Component(service = DeviceCommands.class, property = {
        "osgi.command.scope=fb",
        "osgi.command.function=devices" })
public class DeviceCommands {

    @Reference
    private LiveDeviceRegistry registry;

    @Descriptor("every device that sent: id, endpoints, packets, rate, errors, lost, last seen, online")
    public String devices(
            @Descriptor("only the totals, in one line") @Parameter(names = "--count", presentValue = "true", absentValue = "false") boolean count,
            @Descriptor("only devices whose id or endpoint contains this text") String... filter) {
        String text = String.join(" ", filter).toLowerCase(Locale.ROOT);
        List<Device> devices = registry.devices().stream().filter(device -> matches(device, text)).toList();
        String totals = DeviceTableText.totals(devices, registry.health());
        return count ? totals : DeviceTableText.table(devices) + totals;
    }

    private static boolean matches(Device device, String text) {
        return text.isEmpty() || device.id().toLowerCase(Locale.ROOT).contains(text)
                || device.endpoints().stream().anyMatch(endpoint -> endpoint.contains(text));
    }
}
