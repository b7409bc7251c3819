package io.fieldbench.bridge.ui;

import java.awt.BorderLayout;
import java.awt.Font;
import java.util.function.Supplier;

import javax.swing.BorderFactory;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTextArea;
import javax.swing.Timer;

/** The Bridge view's panel: the bridge's status lines, read again every second, and where its settings are. EDT only. */
final class BridgePanel extends JPanel {

    private static final int REFRESH_MILLIS = 1_000;

    private final JTextArea text = new JTextArea();
    private final Supplier<String> status;
    private final Timer refresh = new Timer(REFRESH_MILLIS, e -> showStatus());

    /** @param status the status text; a snapshot the bridge keeps, so reading it never waits */
    BridgePanel(Supplier<String> status) {
        super(new BorderLayout());
        this.status = status;
        text.setEditable(false);
        text.setFont(new Font(Font.MONOSPACED, Font.PLAIN, text.getFont().getSize()));
        JLabel hint = new JLabel("Broker, site and subscriptions: Settings › MQTT bridge. Downlink: Devices › Send…");
        hint.setBorder(BorderFactory.createEmptyBorder(4, 6, 4, 6));
        add(hint, BorderLayout.NORTH);
        add(new JScrollPane(text), BorderLayout.CENTER);
        showStatus();
        refresh.start();
    }

    private void showStatus() {
        String now = status.get();
        if (!now.equals(text.getText())) {
            text.setText(now);
        }
    }

    void stop() {
        refresh.stop();
    }
}
