package io.fieldbench.bridge.ui;

import java.awt.BorderLayout;
import java.awt.Font;
import java.util.function.Supplier;

import javax.swing.BorderFactory;
import javax.swing.JLabel;
import javax.swing.JScrollPane;
import javax.swing.JTextArea;

import io.fieldbench.view.support.RefreshingPanel;

/** The Bridge view's panel: the bridge's status lines, read again every second, and where its settings are. EDT only. */
final class BridgePanel extends RefreshingPanel {

    private static final int REFRESH_MILLIS = 1_000;

    private final JTextArea text = new JTextArea();
    private final Supplier<String> status;

    /** @param status the status text; a snapshot the bridge keeps, so reading it never waits */
    BridgePanel(Supplier<String> status) {
        super(REFRESH_MILLIS);
        this.status = status;
        text.setEditable(false);
        text.setFont(new Font(Font.MONOSPACED, Font.PLAIN, text.getFont().getSize()));
        JLabel hint = new JLabel("Broker, site and subscriptions: Settings › MQTT bridge. Downlink: Devices › Send…");
        hint.setBorder(BorderFactory.createEmptyBorder(4, 6, 4, 6));
        add(hint, BorderLayout.NORTH);
        add(new JScrollPane(text), BorderLayout.CENTER);
        startRefreshing();
    }

    @Override
    protected void refresh() {
        String now = status.get();
        if (!now.equals(text.getText())) {
            text.setText(now);
        }
    }
}
