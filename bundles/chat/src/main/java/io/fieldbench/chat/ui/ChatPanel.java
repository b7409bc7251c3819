package io.fieldbench.chat.ui;

import java.awt.BorderLayout;
import java.awt.FlowLayout;
import java.nio.charset.Charset;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

import javax.swing.JButton;
import javax.swing.JCheckBox;
import javax.swing.JComboBox;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JSplitPane;
import javax.swing.JTable;
import javax.swing.JTextField;
import javax.swing.ListSelectionModel;
import javax.swing.SwingUtilities;
import javax.swing.Timer;

import io.fieldbench.chat.events.ChatMessage;
import io.fieldbench.chat.internal.ChatClient;
import io.fieldbench.chat.internal.ChatServer;
import io.fieldbench.chat.internal.ChatStatus;
import io.fieldbench.chat.internal.ShownText;
import io.fieldbench.server.support.ServerControl;
import io.fieldbench.view.support.RowsModel;
import io.fieldbench.view.support.WrapLayout;

/**
 * The Chat view's panel: status with Listen and Stop, the client list (refreshed each tick), the
 * message log (the newest {@link #KEPT_ROWS}), and the input box that sends to the selected clients
 * or to all. Start and stop run on the server's control thread, never on the EDT.
 */
final class ChatPanel extends JPanel {

    static final int REFRESH_MILLIS = 250;
    static final int KEPT_ROWS = 5_000;
    static final String[] ENCODINGS = {"UTF-8", "GBK", "GB18030", "ISO-8859-1"};
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS", Locale.ROOT)
            .withZone(ZoneId.systemDefault());

    private final ChatServer server;
    private final MessageIntake intake;
    private final JLabel status = new JLabel();
    private final JButton listen = new JButton("Listen");
    private final JButton stopButton = new JButton("Stop");
    private final RowsModel<ChatClient> clients = new RowsModel<>(ChatPanel::clientCell, "Id", "Address", "Connected since",
            "Bytes in", "Bytes out");
    /** Each line's cells, made as it arrives: later encoding or hex choices apply to later lines. */
    private final RowsModel<List<String>> log = new RowsModel<>(List::get, "Time", "Direction", "Client", "Message");
    private final JTable clientTable = new JTable(clients);
    private final JTextField input = new JTextField(40);
    private final JCheckBox hexIn = new JCheckBox("Hex input");
    private final JCheckBox hexShown = new JCheckBox("Show hex");
    private final JComboBox<String> encoding = new JComboBox<>(ENCODINGS);
    private final JLabel answer = new JLabel(" ");
    private final Timer timer;

    ChatPanel(ChatServer server, MessageIntake intake) {
        super(new BorderLayout());
        this.server = server;
        this.intake = intake;
        encoding.setEditable(true); // any Java charset by name
        encoding.setSelectedItem(server.settings().charset().name());

        JPanel top = new JPanel(new WrapLayout(6));
        top.add(status);
        top.add(listen);
        top.add(stopButton);
        listen.addActionListener(e -> change(server.start()));
        stopButton.addActionListener(e -> change(server.stop()));

        clientTable.setSelectionMode(ListSelectionModel.MULTIPLE_INTERVAL_SELECTION);
        JTable logTable = new JTable(log);
        logTable.getColumnModel().getColumn(3).setPreferredWidth(500);
        JSplitPane split = new JSplitPane(JSplitPane.VERTICAL_SPLIT, new JScrollPane(clientTable), new JScrollPane(logTable));
        split.setResizeWeight(0.3);

        JPanel bottom = new JPanel(new WrapLayout(6));
        JButton sendSelected = new JButton("Send to selected");
        JButton sendAll = new JButton("Send to all");
        JButton kick = new JButton("Kick");
        bottom.add(input);
        bottom.add(sendSelected);
        bottom.add(sendAll);
        bottom.add(hexIn);
        bottom.add(new JLabel("Encoding"));
        bottom.add(encoding);
        bottom.add(hexShown);
        bottom.add(kick);
        JPanel south = new JPanel(new BorderLayout());
        south.add(bottom, BorderLayout.CENTER);
        JPanel answerRow = new JPanel(new FlowLayout(FlowLayout.LEFT));
        answerRow.add(answer);
        south.add(answerRow, BorderLayout.SOUTH);
        sendSelected.addActionListener(e -> send(false));
        sendAll.addActionListener(e -> send(true));
        input.addActionListener(e -> send(clientTable.getSelectedRowCount() == 0));
        kick.addActionListener(e -> selected().forEach(server::kick));

        add(top, BorderLayout.NORTH);
        add(split, BorderLayout.CENTER);
        add(south, BorderLayout.SOUTH);
        timer = new Timer(REFRESH_MILLIS, e -> refresh());
        timer.start();
        refresh();
    }

    void stop() {
        timer.stop();
    }

    private void change(CompletableFuture<ChatStatus> change) {
        listen.setEnabled(false);
        stopButton.setEnabled(false);
        change.whenComplete((done, failure) -> SwingUtilities.invokeLater(this::refresh));
    }

    private void send(boolean toAll) {
        byte[] message;
        try {
            message = hexIn.isSelected() ? ShownText.parseHex(input.getText()) : input.getText().getBytes(charset());
        } catch (IllegalArgumentException e) {
            answer.setText(e.getMessage());
            return;
        }
        try {
            if (toAll) {
                answer.setText("sent " + message.length + " bytes to " + server.broadcast(message) + " clients");
            } else {
                List<Integer> ids = selected();
                if (ids.isEmpty()) {
                    answer.setText("select one or more clients, or Send to all");
                    return;
                }
                ids.forEach(id -> server.send(id, message));
                answer.setText("sent " + message.length + " bytes to " + ids.size() + " clients");
            }
            input.setText("");
        } catch (IllegalArgumentException e) {
            answer.setText("not sent: " + e.getMessage());
        }
    }

    private List<Integer> selected() {
        List<Integer> ids = new ArrayList<>();
        for (int row : clientTable.getSelectedRows()) {
            ids.add(clients.row(clientTable.convertRowIndexToModel(row)).id());
        }
        return ids;
    }

    private Charset charset() {
        try {
            return Charset.forName(String.valueOf(encoding.getSelectedItem()).trim());
        } catch (RuntimeException e) {
            answer.setText("unknown encoding '" + encoding.getSelectedItem() + "'; showing UTF-8");
            return java.nio.charset.StandardCharsets.UTF_8;
        }
    }

    /** One tick on the EDT: status, the client list, and the messages that came since. */
    private void refresh() {
        ChatStatus now = server.status();
        status.setText(now.headline() + " · " + now.clients() + " clients"
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

        Charset charset = charset();
        List<List<String>> lines = new ArrayList<>();
        for (ChatMessage message : intake.drain()) {
            String shown = switch (message.direction()) {
                case CONNECTED -> "connected";
                case DISCONNECTED -> "disconnected: " + message.note();
                default -> ShownText.withNote(hexShown.isSelected() ? ShownText.hex(message.bytes())
                        : ShownText.text(message.bytes(), charset), message.note());
            };
            lines.add(List.of(TIME.format(message.time()), arrow(message.direction()),
                    message.client() == ChatMessage.ALL_CLIENTS ? "all" : message.client() + " " + message.address(), shown));
        }
        log.append(lines, KEPT_ROWS);
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
