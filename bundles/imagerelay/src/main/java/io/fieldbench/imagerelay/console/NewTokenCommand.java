package io.fieldbench.imagerelay.console;

import java.io.UncheckedIOException;
import java.util.List;

import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.Function;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.fieldbench.imagerelay.relay.ImageRelay;

/**
 * {@code imagerelay:new-token}: a new pairing token; connected clients stay, new ones need the new
 * addresses. A Gogo function of its own because the command's name has a hyphen.
 */
@Component(service = Function.class, property = {
        "osgi.command.scope=imagerelay",
        "osgi.command.function=new-token" })
public class NewTokenCommand implements Function {

    @Reference
    private ImageRelay relay;

    @Override
    public Object execute(CommandSession session, List<Object> arguments) {
        try {
            relay.regenerateToken();
        } catch (UncheckedIOException e) {
            return "not renewed: " + e.getMessage();
        }
        return "new pairing token; the page is now at:\n" + RelayCommands.pages(relay);
    }
}
