package io.fieldbench.chat.console;

import java.util.List;

import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.Function;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.fieldbench.chat.internal.ChatServer;
import io.fieldbench.chat.internal.ShownText;

/**
 * {@code fb:send-hex ID HEX...}: sends bytes typed as hex to one chat client. A Gogo function of
 * its own because the command's name has a hyphen, which no method name can have.
 */
@Component(service = Function.class, property = {
        "osgi.command.scope=fb",
        "osgi.command.function=send-hex" })
public class SendHexCommand implements Function {

    static final String USAGE = "usage: fb:send-hex ID HEX (such as fb:send-hex 3 48 65 6C 6C 6F)";

    @Reference
    private ChatServer server;

    @Override
    public Object execute(CommandSession session, List<Object> arguments) {
        if (arguments.size() < 2) {
            return USAGE;
        }
        int id;
        try {
            id = Integer.parseInt(String.valueOf(arguments.get(0)));
        } catch (NumberFormatException e) {
            return USAGE;
        }
        StringBuilder hex = new StringBuilder();
        arguments.subList(1, arguments.size()).forEach(a -> hex.append(a).append(' '));
        try {
            return ClientCommands.sendBytes(server, id, ShownText.parseHex(hex.toString()));
        } catch (IllegalArgumentException e) {
            return "not sent: " + e.getMessage();
        }
    }
}
