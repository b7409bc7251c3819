package io.fieldbench.udp.console;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.fieldbench.udp.internal.CollectorStatus;
import io.fieldbench.udp.internal.StatusText;
import io.fieldbench.udp.internal.UdpCollector;

/** The {@code udp:} console commands: start, stop, status. They wait for the collector, which does the work on its own thread. */
@Component(service = UdpCommands.class, property = {
        "osgi.command.scope=udp",
        "osgi.command.function=start",
        "osgi.command.function=stop",
        "osgi.command.function=status" })
public class UdpCommands {

    static final long WAIT_SECONDS = 15;

    @Reference
    private UdpCollector collector;

    /** Starts listening; answers where it listens, or why it cannot. */
    public String start() throws InterruptedException {
        return await(collector.start());
    }

    /** Stops listening and frees the port. */
    public String stop() throws InterruptedException {
        return await(collector.stop());
    }

    /** State, counts, drops, buffer and decoding, one topic a line. */
    public String status() {
        return StatusText.of(collector.status());
    }

    private static String await(CompletableFuture<CollectorStatus> change) throws InterruptedException {
        try {
            return StatusText.headline(change.get(WAIT_SECONDS, TimeUnit.SECONDS));
        } catch (ExecutionException e) {
            return "error: " + e.getCause().getMessage();
        } catch (TimeoutException e) {
            return "still working after " + WAIT_SECONDS + " s; see udp:status";
        }
    }
}
