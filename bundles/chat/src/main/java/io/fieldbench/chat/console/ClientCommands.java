package io.fieldbench.chat.console;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import org.apache.felix.service.command.Descriptor;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.fieldbench.chat.internal.ChatClient;
import io.fieldbench.chat.internal.ChatServer;

/**
 * The chat server operated from the console, like the seed's chat server: list the clients, send
 * to one or all, kick. Text is encoded with the server's charset. ({@code fb:send-hex} is
 * {@link SendHexCommand}: a method cannot be named with a hyphen.)
 */
@Component(service = ClientCommands.class, property = {
        "osgi.command.scope=fb",
        "osgi.command.function=clients",
        "osgi.command.function=send",
        "osgi.command.function=broadcast",
        "osgi.command.function=kick" })
public class ClientCommands {

    static final DateTimeFormatter SINCE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT)
            .withZone(ZoneId.systemDefault());

    @Reference
    private ChatServer server;

    @Descriptor("the connected chat clients: id, address, connected since, bytes in and out")
    public String clients() {
        List<ChatClient> clients = server.clients();
        StringBuilder text = new StringBuilder(clients.size() + " clients");
        if (!server.status().running()) {
            text.append(" (the chat server does not listen; chat:start)");
        }
        for (ChatClient client : clients) {
            text.append(String.format(Locale.ROOT, "%n%6d  %-22s  since %s  in %d  out %d", client.id(), client.address(),
                    SINCE.format(client.since()), client.bytesIn(), client.bytesOut()));
        }
        return text.toString();
    }

    @Descriptor("sends text to one chat client, framed and encoded as the server is set")
    public String send(@Descriptor("client id (fb:clients)") int id, @Descriptor("the text") String... text) {
        return sendBytes(server, id, String.join(" ", text).getBytes(server.settings().charset()));
    }

    @Descriptor("sends text to every chat client (chat:status tells when it was on all their sockets)")
    public String broadcast(@Descriptor("the text") String... text) {
        byte[] message = String.join(" ", text).getBytes(server.settings().charset());
        try {
            return "sent " + message.length + " bytes to " + server.broadcast(message).clients() + " clients";
        } catch (IllegalArgumentException e) {
            return "not sent: " + e.getMessage();
        }
    }

    @Descriptor("disconnects a chat client")
    public String kick(@Descriptor("client id (fb:clients)") int id) {
        return server.kick(id) ? "kicked client " + id : noClient(id);
    }

    static String sendBytes(ChatServer server, int id, byte[] message) {
        try {
            return server.send(id, message) ? "sent " + message.length + " bytes to client " + id : noClient(id);
        } catch (IllegalArgumentException e) {
            return "not sent: " + e.getMessage();
        }
    }

    static String noClient(int id) {
        return "no client " + id + " is connected; see fb:clients";
    }
}
