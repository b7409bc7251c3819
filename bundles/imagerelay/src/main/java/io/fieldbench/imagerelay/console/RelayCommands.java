package io.fieldbench.imagerelay.console;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.felix.service.command.Descriptor;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.fieldbench.imagerelay.page.PageAddress;
import io.fieldbench.imagerelay.relay.ImageRelay;
import io.fieldbench.imagerelay.relay.RelayClient;
import io.fieldbench.imagerelay.relay.RelayStatus;

/**
 * The {@code imagerelay:} console commands: start, stop, status, the page's addresses and the
 * clients. ({@code imagerelay:new-token} is {@link NewTokenCommand}: a method cannot be named with a
 * hyphen.)
 */
@Component(service = RelayCommands.class, property = {
        "osgi.command.scope=imagerelay",
        "osgi.command.function=start",
        "osgi.command.function=stop",
        "osgi.command.function=status",
        "osgi.command.function=token",
        "osgi.command.function=clients" })
public class RelayCommands {

    static final long WAIT_SECONDS = 15;
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT)
            .withZone(ZoneId.systemDefault());

    @Reference
    private ImageRelay relay;

    @Descriptor("starts listening; answers where, or why it cannot")
    public String start() throws InterruptedException {
        return await(relay.start());
    }

    @Descriptor("closes every client and frees the port")
    public String stop() throws InterruptedException {
        return await(relay.stop());
    }

    @Descriptor("where the image relay listens, the page's addresses, clients and images")
    public String status() {
        return String.join("\n", relay.lines());
    }

    @Descriptor("the page's addresses with the pairing token, one per interface")
    public String token() {
        return pages(relay);
    }

    @Descriptor("the connected clients: id, address, since, images and bytes in and out, browser")
    public String clients() {
        List<RelayClient> clients = relay.clients();
        StringBuilder text = new StringBuilder(clients.size() + " clients");
        if (!relay.status().running()) {
            text.append(" (the image relay does not listen; imagerelay:start)");
        }
        for (RelayClient client : clients) {
            text.append(String.format(Locale.ROOT, "%n%4d  %-22s  since %s  in %d (%d bytes)  out %d (%d bytes)  %s",
                    client.id(), client.address(), TIME.format(client.since()), client.imagesIn(), client.bytesIn(),
                    client.imagesOut(), client.bytesOut(), client.agent()));
        }
        return text.toString();
    }

    /** The page's URLs, one a line, or why there are none. */
    static String pages(ImageRelay relay) {
        List<PageAddress> pages = relay.pageAddresses();
        if (pages.isEmpty()) {
            return "no page address: the image relay does not listen (" + relay.status().headline() + ")";
        }
        StringBuilder text = new StringBuilder();
        for (PageAddress page : pages) {
            text.append(text.length() == 0 ? "" : "\n").append(page.url())
                    .append(page.interfaceName().isEmpty() ? "" : "  (" + page.interfaceName() + ")");
        }
        return text.toString();
    }

    private static String await(CompletableFuture<RelayStatus> change) throws InterruptedException {
        try {
            return change.get(WAIT_SECONDS, TimeUnit.SECONDS).headline();
        } catch (ExecutionException e) {
            return "error: " + e.getCause().getMessage();
        } catch (TimeoutException e) {
            return "still working after " + WAIT_SECONDS + " s; see imagerelay:status";
        }
    }
}
