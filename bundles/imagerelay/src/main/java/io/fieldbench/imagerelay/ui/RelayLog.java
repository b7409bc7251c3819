package io.fieldbench.imagerelay.ui;

import java.awt.BorderLayout;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import javax.swing.BorderFactory;
import javax.swing.JPanel;
import javax.swing.JScrollBar;
import javax.swing.JScrollPane;
import javax.swing.JTable;

import io.fieldbench.api.imagerelay.RelayEvent;
import io.fieldbench.api.server.ClientIds;
import io.fieldbench.support.ByteSize;
import io.fieldbench.view.support.RowsModel;

/**
 * The log of connections, transfers and refusals, newest at the bottom, the last {@link #KEPT_LINES}
 * kept. It follows the newest line while the user has not scrolled up. EDT only.
 */
final class RelayLog extends JPanel {

    static final int KEPT_LINES = 2_000;
    static final String TABLE_NAME = "relay-log";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS", Locale.ROOT)
            .withZone(ZoneId.systemDefault());

    private final RowsModel<RelayEvent> model = new RowsModel<>(RelayLog::cell, "Time", "Client", "What", "Size", "Took");
    private final JTable table = model.table(90, 120, 360, 60, 110);
    private final JScrollPane scroll = new JScrollPane(table);

    RelayLog() {
        super(new BorderLayout());
        setBorder(BorderFactory.createTitledBorder("Connections and transfers"));
        table.setName(TABLE_NAME);
        add(scroll, BorderLayout.CENTER);
    }

    void append(List<RelayEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        JScrollBar bar = scroll.getVerticalScrollBar();
        boolean atBottom = bar.getValue() + bar.getVisibleAmount() >= bar.getMaximum() - 1;
        model.append(events, KEPT_LINES);
        if (atBottom) {
            table.scrollRectToVisible(table.getCellRect(model.getRowCount() - 1, 0, true));
        }
    }

    /** Time, client, what happened, size, how long (and how fast). */
    private static Object cell(RelayEvent event, int column) {
        return switch (column) {
            case 0 -> TIME.format(event.time());
            case 1 -> who(event);
            case 2 -> event.text();
            case 3 -> event.bytes() > 0 ? ByteSize.of(event.bytes()) : "";
            default -> took(event);
        };
    }

    private static String who(RelayEvent event) {
        return switch (event.clientId()) {
            case ClientIds.ALL -> "all";
            case RelayEvent.NO_CLIENT -> event.address();
            default -> event.clientId() + " " + event.address();
        };
    }

    private static String took(RelayEvent event) {
        if (event.millis() <= 0) {
            return "";
        }
        String time = event.millis() < 1_000 ? event.millis() + " ms"
                : String.format(Locale.ROOT, "%.1f s", event.millis() / 1_000.0);
        return event.bytes() > 0 ? time + " (" + ByteSize.of(event.bytes() * 1_000 / event.millis()) + "/s)" : time;
    }
}
