package io.fieldbench.chat.client;

import java.awt.BorderLayout;
import java.awt.FlowLayout;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;

import javax.swing.JButton;
import javax.swing.JCheckBox;
import javax.swing.JComboBox;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JSpinner;
import javax.swing.JTable;
import javax.swing.JTextField;
import javax.swing.SpinnerNumberModel;
import javax.swing.SwingUtilities;
import javax.swing.Timer;

import io.fieldbench.chat.internal.Framing;
import io.fieldbench.chat.internal.ShownText;
import io.fieldbench.view.support.RowsModel;
import io.fieldbench.view.support.WrapLayout;

/**
 * The TCP Client view's panel: host, port, framing, Connect and Disconnect; the input with text or
 * hex and the encoding; the log of what was sent and received (the newest {@link #KEPT_ROWS}).
 * Connecting and sending return at once; their outcome comes back to the EDT. It starts with the
 * last connection's choices and hands each successful connection's to {@code remember}.
 */
final class TcpClientPanel extends JPanel {

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
    private final JSpinner port = new JSpinner(new SpinnerNumberModel(LastConnection.FIRST.port(), 1, 65_535, 1));
    private final JComboBox<String> framing = new JComboBox<>(new String[] {Framing.LINE.setting(), Framing.RAW.setting()});
    private final JButton connect = new JButton("Connect");
    private final JButton disconnect = new JButton("Disconnect");
    private final JLabel status = new JLabel("not connected");
    /** Each line's cells, made as it arrives: later encoding or hex choices apply to later lines. */
    private final RowsModel<List<String>> log = new RowsModel<>(List::get, "Time", "Direction", "Message");
    private final JTextField input = new JTextField(40);
    private final JCheckBox hexIn = new JCheckBox("Hex input");
    private final JCheckBox hexShown = new JCheckBox("Show hex");
    private final JComboBox<String> encoding = new JComboBox<>(ENCODINGS);
    private final JLabel answer = new JLabel(" ");
    private final Timer timer;

    TcpClientPanel(TcpClient client, ClientLog clientLog, LastConnection last, Consumer<LastConnection> remember) {
        super(new BorderLayout());
        this.client = client;
        this.clientLog = clientLog;
        this.remember = remember;
        encoding.setEditable(true); // any Java charset by name
        port.setEditor(new JSpinner.NumberEditor(port, "#"));
        host.setText(last.host());
        port.setValue(last.port());
        framing.setSelectedItem(last.framing().setting());
        encoding.setSelectedItem(last.encoding());

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

        JTable logTable = new JTable(log);
        logTable.getColumnModel().getColumn(2).setPreferredWidth(600);

        JPanel bottom = new JPanel(new WrapLayout(6));
        JButton send = new JButton("Send");
        bottom.add(input);
        bottom.add(send);
        bottom.add(hexIn);
        bottom.add(new JLabel("Encoding"));
        bottom.add(encoding);
        bottom.add(hexShown);
        send.addActionListener(e -> send());
        input.addActionListener(e -> send());
        JPanel south = new JPanel(new BorderLayout());
        south.add(bottom, BorderLayout.CENTER);
        JPanel answerRow = new JPanel(new FlowLayout(FlowLayout.LEFT));
        answerRow.add(answer);
        south.add(answerRow, BorderLayout.SOUTH);

        add(top, BorderLayout.NORTH);
        add(new JScrollPane(logTable), BorderLayout.CENTER);
        add(south, BorderLayout.SOUTH);
        timer = new Timer(REFRESH_MILLIS, e -> refresh());
        timer.start();
        refresh();
    }

    void stop() {
        timer.stop();
    }

    private void connect() {
        String to = host.getText().trim();
        if (to.isEmpty()) {
            answer.setText("type a host name or address");
            return;
        }
        int toPort = (Integer) port.getValue();
        Framing chosen = Framing.valueOf(String.valueOf(framing.getSelectedItem()).toUpperCase(Locale.ROOT));
        LastConnection choices = new LastConnection(to, toPort, chosen, charset().name());
        connect.setEnabled(false);
        answer.setText("connecting to " + to + ":" + toPort + " …");
        client.connect(to, toPort, CONNECT_TIMEOUT, chosen).whenComplete((peer, failure) -> {
            if (failure == null) {
                remember.accept(choices);
            }
            SwingUtilities.invokeLater(() -> {
                answer.setText(failure == null ? "connected to " + peer : "not connected: " + why(failure));
                refresh();
            });
        });
    }

    private void send() {
        byte[] message;
        try {
            message = hexIn.isSelected() ? ShownText.parseHex(input.getText()) : input.getText().getBytes(charset());
        } catch (IllegalArgumentException e) {
            answer.setText(e.getMessage());
            return;
        }
        CompletableFuture<byte[]> sending = client.send(message);
        sending.whenComplete((framed, failure) -> {
            if (failure == null) {
                clientLog.sent(message);
            }
            SwingUtilities.invokeLater(() -> {
                if (failure == null) {
                    answer.setText("sent " + framed.length + " bytes");
                    input.setText("");
                } else {
                    answer.setText("not sent: " + why(failure));
                }
            });
        });
    }

    private Charset charset() {
        try {
            return Charset.forName(String.valueOf(encoding.getSelectedItem()).trim());
        } catch (RuntimeException e) {
            answer.setText("unknown encoding '" + encoding.getSelectedItem() + "'; using UTF-8");
            return StandardCharsets.UTF_8;
        }
    }

    /** One tick on the EDT: the buttons and status, and the log lines that came since. */
    private void refresh() {
        boolean busy = client.busy();
        boolean open = client.connected();
        connect.setEnabled(!busy);
        disconnect.setEnabled(busy);
        host.setEnabled(!busy);
        port.setEnabled(!busy);
        framing.setEnabled(!busy);
        status.setText((open ? "connected" : busy ? "connecting" : "not connected")
                + (clientLog.dropped() > 0 ? " · " + clientLog.dropped() + " lines not shown (too many)" : ""));

        Charset charset = charset();
        List<List<String>> lines = new ArrayList<>();
        for (ClientLog.Entry entry : clientLog.drain()) {
            String shown = entry.direction() == ClientLog.Direction.NOTE ? entry.note()
                    : ShownText.withNote(hexShown.isSelected() ? ShownText.hex(entry.bytes())
                            : ShownText.text(entry.bytes(), charset), entry.note());
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
