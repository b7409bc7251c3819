package io.fieldbench.sim.ui;

import java.awt.BorderLayout;
import java.awt.Font;
import java.nio.charset.Charset;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import javax.swing.DefaultListModel;
import javax.swing.JButton;
import javax.swing.JComboBox;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JList;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JSpinner;
import javax.swing.JTextField;
import javax.swing.JToggleButton;
import javax.swing.SpinnerNumberModel;
import javax.swing.Timer;

import io.fieldbench.sim.Heartbeat;
import io.fieldbench.sim.Payload;
import io.fieldbench.sim.Reply;
import io.fieldbench.sim.Target;
import io.fieldbench.view.support.WrapLayout;

/**
 * Sends what the user types, as text in an encoding or as hex, to host:port once or every N ms,
 * and lists the replies that come back to its socket. The socket work runs in a
 * {@link SenderSession}; a Swing timer shows replies and counters a few times a second.
 */
final class SendPanel extends JPanel {

    static final String DEFAULT_TARGET = "127.0.0.1:9999";
    /** Replies the list keeps; older ones scroll away. */
    static final int MAX_REPLIES = 500;
    private static final int REFRESH_MILLIS = 100;
    private static final int DEFAULT_PERIOD_MILLIS = 1_000;
    private static final int MAX_PERIOD_MILLIS = 3_600_000;
    private static final int PERIOD_STEP_MILLIS = 100;
    private static final int FIELD_COLUMNS = 16;
    private static final int MESSAGE_COLUMNS = 28;
    /**
     * A device of its own and no sequence number: a test click must never add gaps or losses to a
     * real device's statistics (the simulator's devices are dev0001...).
     */
    static final String DEFAULT_MESSAGE = "id=bench-sender,temp=21.5";
    /** Wide enough for the longest period, 3600000 ms. */
    private static final int PERIOD_COLUMNS = 7;
    private static final String[] ENCODINGS = {"UTF-8", "GBK"};
    private static final String TEXT = "Text";
    private static final String START_BEAT = "Start heartbeat";
    private static final String STOP_BEAT = "Stop heartbeat";
    private static final int GAP = 4;
    private static final String HEX = "Hex";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneId.systemDefault());

    private final SenderSession session = new SenderSession();
    private final JTextField target = new JTextField(DEFAULT_TARGET, FIELD_COLUMNS);
    private final JComboBox<String> mode = new JComboBox<>(new String[] {TEXT, HEX});
    private final JComboBox<String> encoding = new JComboBox<>(ENCODINGS);
    private final JTextField message = new JTextField(DEFAULT_MESSAGE, MESSAGE_COLUMNS);
    private final JSpinner period = new JSpinner(new SpinnerNumberModel(DEFAULT_PERIOD_MILLIS,
            (int) Heartbeat.MIN_PERIOD_MILLIS, MAX_PERIOD_MILLIS, PERIOD_STEP_MILLIS));
    private final JToggleButton beat = new JToggleButton(START_BEAT);
    private final JLabel status = new JLabel(" ");
    private final DefaultListModel<String> replies = new DefaultListModel<>();
    private final JList<String> list = new JList<>(replies);
    private final Timer refresh = new Timer(REFRESH_MILLIS, e -> refresh());
    private final List<Reply> drained = new ArrayList<>();
    private String formProblem = "";

    SendPanel() {
        super(new BorderLayout(0, GAP));
        add(form(), BorderLayout.NORTH);
        list.setFont(new Font(Font.MONOSPACED, Font.PLAIN, list.getFont().getSize()));
        list.setVisibleRowCount(6);
        JPanel replyPanel = new JPanel(new BorderLayout());
        replyPanel.add(new JLabel("Replies"), BorderLayout.NORTH);
        replyPanel.add(new JScrollPane(list), BorderLayout.CENTER);
        add(replyPanel, BorderLayout.CENTER);
        add(status, BorderLayout.SOUTH);
        refresh.start();
    }

    private JComponent form() {
        JButton send = new JButton("Send");
        send.setToolTipText("Send one datagram");
        send.addActionListener(e -> sendOnce());
        message.addActionListener(e -> sendOnce());
        beat.setToolTipText("Send the datagram every N milliseconds, as a device's heartbeat, until pressed again");
        beat.addActionListener(e -> {
            beat.setText(beat.isSelected() ? STOP_BEAT : START_BEAT);
            toggleHeartbeat();
        });
        mode.setToolTipText("Send the message as text in the encoding, or as hex digits such as 01 02 ff");
        encoding.setToolTipText("Text encoding of what is sent and of the replies shown");
        target.setToolTipText("host:port, [IPv6]:port, or a port on 127.0.0.1");

        // in a view docked narrow, the choices wrap rather than shrink to "..."
        JPanel as = new JPanel(new WrapLayout(0));
        as.add(mode);
        as.add(encoding);
        as.add(send);
        ((JSpinner.DefaultEditor) period.getEditor()).getTextField().setColumns(PERIOD_COLUMNS);
        period.setName("period");
        message.setName("message");
        beat.setName("heartbeat");
        JPanel every = new JPanel(new BorderLayout(GAP, 0));
        every.add(period, BorderLayout.WEST);
        every.add(new JLabel("ms"), BorderLayout.CENTER);
        return new Form().row("Target", target).row("Message", message).row("As", as).row("Every", every).span(beat);
    }

    private void sendOnce() {
        Prepared prepared = prepare();
        if (prepared != null) {
            session.sendOnce(prepared.target(), prepared.payload());
        }
    }

    private void toggleHeartbeat() {
        if (!beat.isSelected()) {
            session.stopHeartbeat();
            return;
        }
        Prepared prepared = prepare();
        if (prepared == null) {
            beat.setSelected(false);
            beat.setText(START_BEAT);
            return;
        }
        session.startHeartbeat(prepared.target(), prepared.payload(), ((Number) period.getValue()).longValue());
    }

    /** The target and bytes from the form, or null after showing what is wrong. */
    private Prepared prepare() {
        try {
            Target to = Target.parse(target.getText());
            byte[] payload = HEX.equals(mode.getSelectedItem()) ? Payload.fromHex(message.getText())
                    : Payload.fromText(message.getText(), charset());
            formProblem = "";
            return new Prepared(to, payload);
        } catch (IllegalArgumentException e) {
            formProblem = e.getMessage();
            refresh();
            return null;
        }
    }

    private Charset charset() {
        return Charset.forName((String) encoding.getSelectedItem());
    }

    private void refresh() {
        drained.clear();
        session.drainReplies(drained, MAX_REPLIES);
        Charset charset = charset();
        for (Reply reply : drained) {
            replies.addElement(TIME.format(reply.receivedAt()) + "  " + reply.source().getAddress().getHostAddress()
                    + ":" + reply.source().getPort() + "  " + Payload.toDisplay(reply.payload(), charset));
        }
        if (replies.size() > MAX_REPLIES) {
            replies.removeRange(0, replies.size() - MAX_REPLIES - 1);
        }
        if (!drained.isEmpty()) {
            list.ensureIndexIsVisible(replies.size() - 1); // the newest reply in sight
        }
        String text = "sent " + session.sent();
        if (session.failed() > 0) {
            text += ", failed " + session.failed();
        }
        if (session.localPort() > 0) {
            text += " · from port " + session.localPort();
        }
        if (session.missedReplies() > 0) {
            text += " · " + session.missedReplies() + " replies not shown (too many)";
        }
        String problem = formProblem.isEmpty() ? session.problem() : formProblem;
        if (!problem.isEmpty()) {
            text += " · " + problem;
        }
        if (!text.equals(status.getText())) {
            status.setText(text);
            status.setToolTipText(text);
        }
    }

    void dispose() {
        refresh.stop();
        session.close();
    }

    private record Prepared(Target target, byte[] payload) {
    }
}
