package io.fieldbench.chat.console;

import java.nio.charset.Charset;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.felix.service.command.Descriptor;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.fieldbench.chat.internal.ChatClient;
import io.fieldbench.chat.internal.ChatServer;
import io.fieldbench.chat.internal.ChatStatus;
import io.fieldbench.chat.internal.ShownText;

/** The {@code chat:} console commands: start, stop, status, and a client's last messages. */
@Component(service = ChatCommands.class, property = {
        "osgi.command.scope=chat",
        "osgi.command.function=start",
        "osgi.command.function=stop",
        "osgi.command.function=status",
        "osgi.command.function=log" })
public class ChatCommands {

    static final long WAIT_SECONDS = 15;
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS", Locale.ROOT)
            .withZone(ZoneId.systemDefault());
    static final String HEX = "hex";

    @Reference
    private ChatServer server;

    @Descriptor("starts listening; answers where, or why it cannot")
    public String start() throws InterruptedException {
        return await(server.start());
    }

    @Descriptor("stops listening, disconnects every client and frees the port")
    public String stop() throws InterruptedException {
        return await(server.stop());
    }

    @Descriptor("where the chat server listens, its clients, framing, encoding and limits")
    public String status() {
        return server.status().text();
    }

    @Descriptor("a client's last messages in the server's encoding (<- received, -> sent)")
    public String log(@Descriptor("client id (fb:clients)") int id) {
        return log(id, server.settings().charset().name());
    }

    @Descriptor("a client's last messages in this encoding, or hex")
    public String log(@Descriptor("client id (fb:clients)") int id, @Descriptor("encoding such as GBK, or hex") String shown) {
        Optional<ChatClient> client = server.client(id);
        if (client.isEmpty()) {
            return ClientCommands.noClient(id);
        }
        Charset charset = null;
        if (!HEX.equalsIgnoreCase(shown)) {
            try {
                charset = Charset.forName(shown);
            } catch (RuntimeException e) {
                return "unknown encoding '" + shown + "'; use a Java charset name such as UTF-8, GBK, GB18030, or hex";
            }
        }
        StringBuilder text = new StringBuilder("client " + id + " at " + client.get().address());
        for (ChatClient.Kept message : client.get().recent()) {
            text.append('\n').append(TIME.format(message.time())).append(message.received() ? " <- " : " -> ")
                    .append(charset == null ? ShownText.hex(message.bytes()) : ShownText.text(message.bytes(), charset));
        }
        return text.toString();
    }

    private static String await(CompletableFuture<ChatStatus> change) throws InterruptedException {
        try {
            return change.get(WAIT_SECONDS, TimeUnit.SECONDS).headline();
        } catch (ExecutionException e) {
            return "error: " + e.getCause().getMessage();
        } catch (TimeoutException e) {
            return "still working after " + WAIT_SECONDS + " s; see chat:status";
        }
    }
}
