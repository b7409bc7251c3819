package io.fieldbench.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.Component;
import java.awt.Rectangle;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import javax.swing.JScrollBar;
import javax.swing.JScrollPane;
import javax.swing.JTable;
import javax.swing.SwingUtilities;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.test.common.annotation.InjectService;

import io.fieldbench.api.workbench.Workbench;

/**
 * The chat view's log as an operator follows it: new lines scroll it along, unless the operator
 * scrolled up to read; a client the server drops as idle is said in the log and leaves the client
 * list. The chat server on a free loopback port with an idle timeout of {@value #IDLE_SECONDS} s.
 * Needs a display.
 */
@ExtendWith(NeedsDisplay.class)
class ChatLogTest {

    private static final long SERVICE_TIMEOUT_MILLIS = 10_000;
    private static final String CHAT_PID = "io.fieldbench.chat";
    private static final String LOOPBACK = "127.0.0.1";
    private static final int IDLE_SECONDS = 3;
    /** More lines than the log shows at once. */
    private static final int LINES = 300;

    @InjectService(timeout = SERVICE_TIMEOUT_MILLIS)
    ConfigurationAdmin configurations;

    @InjectService(timeout = SERVICE_TIMEOUT_MILLIS)
    Workbench workbench;

    private final ConfigurationChanges settings = new ConfigurationChanges();

    @AfterEach
    void putTheServerBack() {
        settings.putBack();
    }

    @Test
    void theLogFollowsNewLinesUnlessScrolledUpAndSaysWhenAClientIsDroppedAsIdle() throws IOException {
        int port = ChatFilesViewTest.freeTcpPort();
        settings.set(configurations, CHAT_PID, Map.of("enabled", true, "bind.address", LOOPBACK, "port", port, "framing", "line",
                "idle.timeout.seconds", IDLE_SECONDS));
        Poll.until("the chat server listens on " + LOOPBACK + ":" + port, () -> ChatFilesViewTest.bound(port));
        Component view = WorkbenchUi.show(workbench, "chat");
        JTable log = ChatFilesViewTest.table(view, "Message");
        JTable clients = ChatFilesViewTest.table(view, "Address");

        try (Socket client = new Socket()) {
            client.connect(new InetSocketAddress(LOOPBACK, port), (int) SERVICE_TIMEOUT_MILLIS);
            String address = LOOPBACK + ":" + client.getLocalPort();
            OutputStream out = client.getOutputStream();
            send(out, 0, LINES);
            Poll.until("the newest line in sight", () -> lastRowShows(log, "line " + (LINES - 1)));

            JScrollBar bar = WorkbenchUi.onEdt(() -> ((JScrollPane) SwingUtilities.getAncestorOfClass(JScrollPane.class, log))
                    .getVerticalScrollBar());
            WorkbenchUi.onEdt(() -> {
                bar.setValue(0);  // the operator scrolls up to read
                return null;
            });
            send(out, LINES, 1);
            Poll.until("the line sent while scrolled up logged", () -> ChatFilesViewTest.rowsContaining(log, "Message", "line " + LINES) > 0);
            assertEquals(0, WorkbenchUi.onEdt(bar::getValue), "the log stays where the operator scrolled it");

            WorkbenchUi.onEdt(() -> {
                bar.setValue(bar.getMaximum());  // and back to the end
                return null;
            });
            // the client now stays silent: the server drops it after the idle timeout
            Poll.until("the log says the client was dropped as idle, in sight", () -> lastRowShows(log, "disconnected: idle timeout")
                    && ChatFilesViewTest.rowsContaining(log, "Client", address) > LINES);
            Poll.until("the client gone from the list", () -> ChatFilesViewTest.rowsContaining(clients, "Address", address) == 0);
        }
    }

    private static void send(OutputStream out, int from, int count) throws IOException {
        StringBuilder lines = new StringBuilder();
        for (int i = from; i < from + count; i++) {
            lines.append("line ").append(i).append('\n');
        }
        out.write(lines.toString().getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** Whether the log's last row says this and is inside the visible part of the log. */
    private static boolean lastRowShows(JTable log, String message) {
        return WorkbenchUi.onEdt(() -> {
            int last = log.getRowCount() - 1;
            if (last < 0 || !message.equals(log.getModel().getValueAt(last, ChatFilesViewTest.columnOf(log.getModel(), "Message")))) {
                return false;
            }
            Rectangle row = log.getCellRect(last, 0, true);
            return log.getVisibleRect().contains(row);
        });
    }
}
