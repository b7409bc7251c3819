package io.fieldbench.imagerelay.ui;

import java.awt.BorderLayout;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;

import javax.swing.BorderFactory;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTable;
import javax.swing.ListSelectionModel;

import io.fieldbench.imagerelay.relay.RelayClient;
import io.fieldbench.support.ByteSize;
import io.fieldbench.view.support.RowsModel;

/** The connected clients; the selected one is where "Send to selected" goes. Keeps the selection across refreshes. EDT only. */
final class ClientsPanel extends JPanel {

    static final String TABLE_NAME = "relay-clients";
    private static final DateTimeFormatter SINCE = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT)
            .withZone(ZoneId.systemDefault());

    private final RowsModel<RelayClient> model = new RowsModel<>(ClientsPanel::cell, "Id", "Address", "Browser", "Since",
            "Images in", "Images out", "Bytes in", "Bytes out");
    private final JTable table = model.table(40, 150, 200, 70, 70, 75, 80, 80);

    ClientsPanel() {
        super(new BorderLayout());
        setBorder(BorderFactory.createTitledBorder("Connected clients"));
        table.setName(TABLE_NAME);
        table.setAutoResizeMode(JTable.AUTO_RESIZE_OFF);  // every column readable; it scrolls sideways when narrow
        table.setSelectionMode(ListSelectionModel.SINGLE_SELECTION);
        add(new JScrollPane(table), BorderLayout.CENTER);
    }

    void show(List<RelayClient> clients) {
        if (clients.equals(model.rows())) {
            return;
        }
        OptionalInt keep = selectedClient();
        model.show(clients);
        keep.ifPresent(id -> {
            for (int row = 0; row < clients.size(); row++) {
                if (clients.get(row).id() == id) {
                    int viewRow = table.convertRowIndexToView(row);
                    table.setRowSelectionInterval(viewRow, viewRow);
                }
            }
        });
    }

    /** The id of the selected client, if one is. */
    OptionalInt selectedClient() {
        int row = table.getSelectedRow();
        return row < 0 || row >= model.getRowCount() ? OptionalInt.empty()
                : OptionalInt.of(model.row(table.convertRowIndexToModel(row)).id());
    }

    /** Id, address, browser, since, images in/out, bytes in/out. */
    private static Object cell(RelayClient client, int column) {
        return switch (column) {
            case 0 -> client.id();
            case 1 -> client.address();
            case 2 -> client.agent();
            case 3 -> SINCE.format(client.since());
            case 4 -> client.imagesIn();
            case 5 -> client.imagesOut();
            case 6 -> ByteSize.of(client.bytesIn());
            default -> ByteSize.of(client.bytesOut());
        };
    }
}
