package io.fieldbench.bridge.console;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Locale;
import java.util.concurrent.ExecutionException;

import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.Parameter;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.fieldbench.bridge.internal.Bridge;

/** The {@code bridge:} console commands: the bridge's status, and downlink to a device of another bench. */
@Component(service = BridgeCommands.class, property = {
        "osgi.command.scope=bridge",
        "osgi.command.function=status",
        "osgi.command.function=send" })
public class BridgeCommands {

    @Reference
    private Bridge bridge;

    @Descriptor("the broker, the connection, what was published and received, the backlog, the last error")
    public String status() {
        return String.join(System.lineSeparator(), bridge.status().lines());
    }

    @Descriptor("sends a datagram to a device of another bench (SITE/DEVICE, as fb:devices lists it) from that bench's"
            + " UDP socket; waits for its result")
    public String send(
            @Descriptor("the words are hex bytes (48 65 6C 6C 6F), not text") @Parameter(names = "--hex", presentValue = "true",
                    absentValue = "false") boolean hex,
            @Descriptor("SITE/DEVICE") String device,
            @Descriptor("the text (UTF-8), or hex bytes with --hex") String... words) throws InterruptedException {
        String joined = String.join(" ", words);
        byte[] payload;
        try {
            payload = hex ? HexFormat.of().parseHex(joined.replaceAll("[\\s:]", "").toLowerCase(Locale.ROOT))
                    : joined.getBytes(StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return "not sent: '" + joined + "' is not hex bytes (use pairs such as 48 65 6C 6C 6F)";
        }
        try {
            return bridge.send(device, payload).get();
        } catch (ExecutionException e) {
            return "not sent: " + e.getCause().getMessage();
        }
    }
}
