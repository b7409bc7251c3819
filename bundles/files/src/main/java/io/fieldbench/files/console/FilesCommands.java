package io.fieldbench.files.console;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.fieldbench.files.internal.FileServer;
import io.fieldbench.files.internal.FilesStatus;
import io.fieldbench.files.internal.StatusText;

/** The {@code files:} console commands. They wait for the service, which does the work on its own thread. */
@Component(service = FilesCommands.class, property = {
        "osgi.command.scope=files",
        "osgi.command.function=start",
        "osgi.command.function=stop",
        "osgi.command.function=status",
        "osgi.command.function=refusals" })
public class FilesCommands {

    static final long WAIT_SECONDS = 15;
    /** Refusals {@code files:refusals} shows. */
    static final int SHOWN_REFUSALS = 50;

    @Reference
    private FileServer server;

    /** Starts listening; answers where it listens, or why it cannot. */
    public String start() throws InterruptedException {
        return await(server.start());
    }

    /** Stops listening, frees the port and ends the transfers under way. */
    public String stop() throws InterruptedException {
        return await(server.stop());
    }

    /** State, shared folder, transfers and refusals. */
    public String status() {
        int files = server.files(FileServer.MAX_COUNTED_FILES + 1).size();
        return StatusText.of(server.status(), Math.min(files, FileServer.MAX_COUNTED_FILES), files > FileServer.MAX_COUNTED_FILES);
    }

    /** The recent refusals, oldest first: time, client, name as sent (escaped), reason. */
    public String refusals() {
        return StatusText.refusals(server.refusals(SHOWN_REFUSALS));
    }

    private static String await(CompletableFuture<FilesStatus> change) throws InterruptedException {
        try {
            return StatusText.headline(change.get(WAIT_SECONDS, TimeUnit.SECONDS));
        } catch (ExecutionException e) {
            return "error: " + e.getCause().getMessage();
        } catch (TimeoutException e) {
            return "still working after " + WAIT_SECONDS + " s; see files:status";
        }
    }
}
