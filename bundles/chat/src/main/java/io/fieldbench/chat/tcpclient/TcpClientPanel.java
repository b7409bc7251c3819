package io.fieldbench.chat.tcpclient;

import java.awt.BorderLayout;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import java.util.function.Function;

import javax.swing.JButton;
import javax.swing.JComboBox;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JSpinner;
import javax.swing.JTable;
import javax.swing.JTextField;
import javax.swing.SpinnerNumberModel;
import javax.swing.SwingUtilities;

import io.fieldbench.api.sample.Endpoints;
import io.fieldbench.chat.internal.Framing;
import io.fieldbench.chat.internal.ShownText;
import io.fieldbench.chat.ui.MessageInput;
import io.fieldbench.view.support.RefreshingPanel;
import io.fieldbench.view.support.RowsModel;
import io.fieldbench.view.support.WrapLayout;

/**
 * The TCP Client view's panel: host, port, framing, Connect and Disconnect; the input with text or
 * hex and the encoding; the log of what was sent and received (the newest {@link #KEPT_ROWS}).
 * Connecting and sending return at once; their outcome comes back to the EDT. It starts with the
 * last connection's choices and hands each successful connection's to {@code remember}.
 */
final class TcpClientPanel extends RefreshingPanel {

    static final int REFRESH_MILLIS = 250;
    static final int KEPT_ROWS = 5_000;
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    static final String[] ENCODINGS = {"UTF-8", "GBK", "GB18030"};
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS", Locale.ROOT)
            .withZone(ZoneId.systemDefault());

    private final TcpClient client;
    private final ClientLog clientLog;
    private final Consumer<LastConnection> remember;
    private final JTextField host = new JTextField(14);
    private final JSpinner port = new JSpinner(new SpinnerNumberModel(LastConnection.FIRST.port(), 1, Endpoints.MAX_PORT, 1));
    private final JComboBox<String> framing = new JComboBox<>(new String[] {Framing.RAW.setting(), Framing.LINE.setting()});
    private final JButton connect = new JButton("Connect");
    private final JButton disconnect = new JButton("Disconnect");
    private final JLabel status = new JLabel("not connected");
    /** Each line's cells, made as it arrives: later encoding or hex choices apply to later lines. */
    private final RowsModel<List<String>> log = new RowsModel<>(List::get, "Time", "Direction", "Message");
    private final MessageInput input;

    TcpClientPanel(TcpClient client, ClientLog clientLog, LastConnection last, Consumer<LastConnection> remember) {
        super(REFRESH_MILLIS);
        this.client = client;
        this.clientLog = clientLog;
        this.remember = remember;
        port.setEditor(new JSpinner.NumberEditor(port, "#"));
        host.setText(last.host());
        port.setValue(last.port());
        framing.setSelectedItem(last.framing().setting());

        JPanel top = new JPanel(new WrapLayout(6));
        top.add(new JLabel("Host"));
        top.add(host);
        top.add(new JLabel("Port"));
        top.add(port);
        top.add(new JLabel("Framing"));
        top.add(framing);
        top.add(connect);
        top.add(disconnect);
        top.add(status);
        connect.addActionListener(e -> connect());
        host.addActionListener(e -> connect());
        disconnect.addActionListener(e -> client.disconnect());

        // the time whole (HH:mm:ss.SSS); the message takes the rest
        JTable logTable = log.table(110, 60, 500);
        logTable.getColumnModel().getColumn(2).setPreferredWidth(600);

        JButton send = new JButton("Send");
        input = new MessageInput(ENCODINGS, last.encoding(), List.of(send), List.of());
        send.addActionListener(e -> send());
        input.onEnter(this::send);

        add(top, BorderLayout.NORTH);
        add(new JScrollPane(logTable), BorderLayout.CENTER);
        add(input, BorderLayout.SOUTH);
        startRefreshing();
    }

    private void connect() {
        String to = host.getText().trim();
        if (to.isEmpty()) {
            input.tell("type a host name or address");
            return;
        }
        int toPort = (Integer) port.getValue();
        Framing chosen = Framing.valueOf(String.valueOf(framing.getSelectedItem()).toUpperCase(Locale.ROOT));
        LastConnection choices = new LastConnection(to, toPort, chosen, input.charset().name());
        connect.setEnabled(false);
        input.tell("connecting to " + to + ":" + toPort + " …");
        client.connect(to, toPort, CONNECT_TIMEOUT, chosen).whenComplete((peer, failure) -> {
            if (failure == null) {
                remember.accept(choices);
            }
            SwingUtilities.invokeLater(() -> {
                input.tell(failure == null ? "connected to " + peer : "not connected: " + why(failure));
                refresh();
            });
        });
    }

    private void send() {
        Optional<byte[]> typed = input.message();
        if (typed.isEmpty()) {
            return;
        }
        byte[] message = typed.get();
        CompletableFuture<byte[]> sending = client.send(message);
        sending.whenComplete((framed, failure) -> {
            if (failure == null) {
                clientLog.sent(message);
            }
            SwingUtilities.invokeLater(() -> {
                if (failure == null) {
                    input.tell("sent " + framed.length + " bytes");
                    input.sent();
                } else {
                    input.tell("not sent: " + why(failure));
                }
            });
        });
    }

    /** One tick on the EDT: the buttons and status, and the log lines that came since. */
    @Override
    protected void refresh() {
        boolean busy = client.busy();
        boolean open = client.connected();
        connect.setEnabled(!busy);
        disconnect.setEnabled(busy);
        host.setEnabled(!busy);
        port.setEnabled(!busy);
        framing.setEnabled(!busy);
        status.setText((open ? "connected" : busy ? "connecting" : "not connected")
                + (clientLog.dropped() > 0 ? " · " + clientLog.dropped() + " lines not shown (too many)" : ""));

        Function<byte[], String> display = input.display();
        List<List<String>> lines = new ArrayList<>();
        for (ClientLog.Entry entry : clientLog.drain()) {
            String shown = entry.direction() == ClientLog.Direction.NOTE ? entry.note()
                    : ShownText.withNote(display.apply(entry.bytes()), entry.note());
            String arrow = switch (entry.direction()) {
                case SENT -> "-> out";
                case RECEIVED -> "<- in";
                case NOTE -> "--";
            };
            lines.add(List.of(TIME.format(entry.time()), arrow, shown));
        }
        log.append(lines, KEPT_ROWS);
    }

    private static String why(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        return cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName();
    }
}
