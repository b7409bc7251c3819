package io.fieldbench.imagerelay.console;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;

import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.Function;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.fieldbench.imagerelay.relay.ImageRelay;
import io.fieldbench.imagerelay.relay.RelayJournal;

/**
 * {@code fb:send-image FILE [CLIENT|all]}: sends an image file to one client or to all. A relative
 * FILE is looked for in the images folder first, then in the working directory. A Gogo function of
 * its own because the command's name has a hyphen.
 */
@Component(service = Function.class, property = {
        "osgi.command.scope=fb",
        "osgi.command.function=send-image" })
public class SendImageCommand implements Function {

    static final String USAGE = "usage: fb:send-image FILE [CLIENT|all] (FILE in the images folder, see fb:images, or a"
            + " path; CLIENT an id of imagerelay:clients)";
    static final String ALL = "all";

    @Reference
    private ImageRelay relay;

    @Override
    public Object execute(CommandSession session, List<Object> arguments) {
        if (arguments.isEmpty() || arguments.size() > 2) {
            return USAGE;
        }
        OptionalInt client = OptionalInt.empty();
        if (arguments.size() == 2 && !ALL.equalsIgnoreCase(String.valueOf(arguments.get(1)))) {
            try {
                client = OptionalInt.of(Integer.parseInt(String.valueOf(arguments.get(1))));
            } catch (NumberFormatException e) {
                return USAGE;
            }
        }
        Path file;
        try {
            file = locate(String.valueOf(arguments.get(0)));
        } catch (InvalidPathException e) {
            return "not sent: '" + arguments.get(0) + "' is not a file name";
        }
        if (!Files.isRegularFile(file)) {
            return "not sent: no file " + arguments.get(0) + " in " + relay.imagesFolder() + " nor at " + file;
        }
        if (!relay.status().running()) {
            return "not sent: the image relay does not listen (imagerelay:start)";
        }
        try {
            int reached = relay.send(file, client);
            if (client.isPresent()) {
                return reached == 1 ? "sent " + file.getFileName() + " to client " + client.getAsInt()
                        : "not sent: no client " + client.getAsInt() + " is connected; see imagerelay:clients";
            }
            return "sent " + file.getFileName() + " to " + RelayJournal.clients(reached);
        } catch (IOException e) {
            return "not sent: cannot read " + file + ": " + e.getMessage();
        } catch (IllegalArgumentException e) {
            return "not sent: " + e.getMessage();
        }
    }

    private Path locate(String name) {
        Path given = Path.of(name);
        if (given.isAbsolute()) {
            return given;
        }
        Path kept = relay.imagesFolder().resolve(given);
        return Files.isRegularFile(kept) ? kept : given.toAbsolutePath();
    }
}
