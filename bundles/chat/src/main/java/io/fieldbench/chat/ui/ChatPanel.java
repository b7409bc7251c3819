package io.fieldbench.chat.ui;

import java.awt.BorderLayout;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import javax.swing.JButton;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JSplitPane;
import javax.swing.JTable;
import javax.swing.ListSelectionModel;
import javax.swing.SwingUtilities;

import io.fieldbench.api.chat.ChatMessage;
import io.fieldbench.api.server.ClientIds;
import io.fieldbench.chat.internal.ChatClient;
import io.fieldbench.chat.internal.ChatServer;
import io.fieldbench.chat.internal.ChatStatus;
import io.fieldbench.chat.internal.ShownText;
import io.fieldbench.server.support.ServerControl;
import io.fieldbench.view.support.BoundedIntake;
import io.fieldbench.view.support.ListenOn;
import io.fieldbench.view.support.RefreshingPanel;
import io.fieldbench.view.support.RowsModel;
import io.fieldbench.view.support.StatusLines;

/**
 * The Chat view's panel: status with Listen and Stop, the client list (refreshed each tick), the
 * message log (the newest {@link #KEPT_ROWS}; it scrolls along with new lines unless the user
 * scrolled up, and says why each client left, an idle timeout too), and the input box that sends to the selected clients
 * or to all. Start and stop run on the server's control thread, never on the EDT.
 */
final class ChatPanel extends RefreshingPanel {

    static final int REFRESH_MILLIS = 250;
    static final int KEPT_ROWS = 5_000;
    static final String[] ENCODINGS = {"UTF-8", "GBK", "GB18030", "ISO-8859-1"};
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS", Locale.ROOT)
            .withZone(ZoneId.systemDefault());

    private final ChatServer server;
    private final BoundedIntake<ChatMessage> intake;
    private final JLabel status = new JLabel();
    private final JLabel note = new JLabel(" ");
    private final ListenOn listenOn;
    private final JButton listen = new JButton("Listen");
    private final JButton stopButton = new JButton("Stop");
    private final RowsModel<ChatClient> clients = new RowsModel<>(ChatPanel::clientCell, "Id", "Address", "Connected since",
            "Bytes in", "Bytes out");
    /** Each line's cells, made as it arrives: later encoding or hex choices apply to later lines. */
    private final RowsModel<List<String>> log = new RowsModel<>(List::get, "Time", "Direction", "Client", "Message");
    private final JTable clientTable = clients.table();
    private final NewestInSight logEnd;
    private final MessageInput input;

    /**
     * @param saveSettings writes settings to the chat server's file; called off the EDT
     */
    ChatPanel(ChatServer server, BoundedIntake<ChatMessage> intake, ListenOn.Writer saveSettings) {
        super(REFRESH_MILLIS);
        this.server = server;
        this.intake = intake;
        this.listenOn = new ListenOn("The TCP port clients connect to", "<data>/etc/" + ChatServer.PID + ".cfg", saveSettings,
                (text, problem) -> StatusLines.show(note, text));
        JPanel top = StatusLines.under(List.of(listenOn, listen, stopButton), status, note);
        listen.addActionListener(e -> change(server.start()));
        stopButton.addActionListener(e -> change(server.stop()));

        clientTable.setSelectionMode(ListSelectionModel.MULTIPLE_INTERVAL_SELECTION);
        // the time whole (HH:mm:ss.SSS) and the client's id and address whole; the message takes the rest
        JTable logTable = log.table(110, 60, 200, 400);
        logEnd = new NewestInSight(logTable);
        JSplitPane split = new JSplitPane(JSplitPane.VERTICAL_SPLIT, new JScrollPane(clientTable), logEnd.scrollPane());
        split.setResizeWeight(0.3);

        JButton sendSelected = new JButton("Send to selected");
        JButton sendAll = new JButton("Send to all");
        JButton kick = new JButton("Kick");
        input = new MessageInput(ENCODINGS, server.settings().charset().name(), List.of(sendSelected, sendAll), List.of(kick));
        sendSelected.addActionListener(e -> send(false));
        sendAll.addActionListener(e -> send(true));
        input.onEnter(() -> send(clientTable.getSelectedRowCount() == 0));
        kick.addActionListener(e -> selected().forEach(server::kick));

        add(top, BorderLayout.NORTH);
        add(split, BorderLayout.CENTER);
        add(input, BorderLayout.SOUTH);
        startRefreshing();
    }

    private void change(CompletableFuture<ChatStatus> change) {
        listen.setEnabled(false);
        stopButton.setEnabled(false);
        change.whenComplete((done, failure) -> SwingUtilities.invokeLater(this::refresh));
    }

    private void send(boolean toAll) {
        Optional<byte[]> typed = input.message();
        if (typed.isEmpty()) {
            return;
        }
        byte[] message = typed.get();
        try {
            if (toAll) {
                input.tell("sent " + message.length + " bytes to " + server.broadcast(message).clients() + " clients");
            } else {
                List<Integer> ids = selected();
                if (ids.isEmpty()) {
                    input.tell("select one or more clients, or Send to all");
                    return;
                }
                ids.forEach(id -> server.send(id, message));
                input.tell("sent " + message.length + " bytes to " + ids.size() + " clients");
            }
            input.sent();
        } catch (IllegalArgumentException e) {
            input.tell("not sent: " + e.getMessage());
        }
    }

    private List<Integer> selected() {
        List<Integer> ids = new ArrayList<>();
        for (int row : clientTable.getSelectedRows()) {
            ids.add(clients.row(clientTable.convertRowIndexToModel(row)).id());
        }
        return ids;
    }

    /** One tick on the EDT: status, the client list, and the messages that came since. */
    @Override
    protected void refresh() {
        ChatStatus now = server.status();
        listenOn.show(server.settings().bindAddress(), server.settings().port());
        StatusLines.show(status, now.headline() + " · " + now.clients() + " clients · " + now.transport()
                + (intake.dropped() > 0 ? " · " + intake.dropped() + " messages not shown (too many)" : ""));
        listen.setEnabled(!now.running() && now.state() == ServerControl.State.STOPPED);
        stopButton.setEnabled(now.running());

        List<Integer> keep = selected();
        clients.show(server.clients());
        for (int row = 0; row < clients.getRowCount(); row++) {
            if (keep.contains(clients.row(row).id())) {
                clientTable.addRowSelectionInterval(row, row);
            }
        }

        Function<byte[], String> display = input.display();
        List<List<String>> lines = new ArrayList<>();
        for (ChatMessage message : intake.drain()) {
            String shown = switch (message.direction()) {
                case CONNECTED -> "connected";
                case DISCONNECTED -> "disconnected: " + message.note();
                default -> ShownText.withNote(display.apply(message.bytes()), message.note());
            };
            lines.add(List.of(TIME.format(message.time()), arrow(message.direction()),
                    message.client() == ClientIds.ALL ? "all" : message.client() + " " + message.address(), shown));
        }
        if (!lines.isEmpty()) {
            logEnd.change(() -> log.append(lines, KEPT_ROWS));
        }
    }

    /** A client's id, address, connection time and byte counts. */
    private static Object clientCell(ChatClient client, int column) {
        return switch (column) {
            case 0 -> client.id();
            case 1 -> client.address();
            case 2 -> TIME.format(client.since());
            case 3 -> client.bytesIn();
            default -> client.bytesOut();
        };
    }

    private static String arrow(ChatMessage.Direction direction) {
        return switch (direction) {
            case RECEIVED -> "<- in";
            case SENT -> "-> out";
            case CONNECTED, DISCONNECTED -> "--";
        };
    }
}
