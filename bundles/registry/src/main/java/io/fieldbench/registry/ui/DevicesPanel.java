package io.fieldbench.registry.ui;

import java.awt.BorderLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JCheckBox;
import javax.swing.JLabel;
import javax.swing.JOptionPane;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTable;
import javax.swing.JTextField;
import javax.swing.RowFilter;
import javax.swing.RowSorter;
import javax.swing.SortOrder;
import javax.swing.SwingUtilities;
import javax.swing.Timer;
import javax.swing.table.TableRowSorter;

import io.fieldbench.api.device.Device;
import io.fieldbench.api.device.RemoteDownlink;
import io.fieldbench.registry.internal.ForgottenDevices;
import io.fieldbench.registry.internal.ReplayTally.Replayed;
import io.fieldbench.support.DaemonThreads;
import io.fieldbench.view.support.RowsModel;
import io.fieldbench.view.support.TextChanges;
import io.fieldbench.view.support.WrapLayout;

/**
 * The Devices view: every known device in a sortable, filterable table that follows the registry
 * live. Four times a second a snapshot is taken on a thread of the view's own and the EDT only
 * merges it into the model in place, so the table keeps its selection, sort and scroll position
 * and does not flicker. "Forget offline" and "Clear all" empty the registry after a test run;
 * "Send…" sends a datagram to a device of another bench through the bridge.
 */
final class DevicesPanel extends JPanel {

    /** About four table updates a second: enough to read counters move, cheap at 100 000 devices. */
    static final int REFRESH_MILLIS = 250;
    private static final int FILTER_COLUMNS = 20;
    private static final int[] WIDTHS = {90, 85, 150, 80, 70, 90, 60, 50, 60, 140, 75, 75, 140};

    private final Supplier<List<Device>> registry;
    private final Supplier<Replayed> replayed;
    private final Consumer<List<String>> selectionListener;
    private final Function<Predicate<Device>, CompletableFuture<ForgottenDevices>> forget;
    private final SendToDevice send;
    private final RowsModel<DeviceRow> model = DeviceRow.model();
    private final JTable table = new JTable(model) {
        /** Fills a wide view; scrolls sideways rather than squeezing the columns in a narrow one. */
        @Override
        public boolean getScrollableTracksViewportWidth() {
            return getParent() == null || getPreferredSize().width < getParent().getWidth();
        }
    };
    private final TableRowSorter<RowsModel<DeviceRow>> sorter = new TableRowSorter<>(model);
    private final JTextField filterText = new JTextField(FILTER_COLUMNS);
    private final JCheckBox onlineOnly = new JCheckBox("Online only");
    private final JLabel status = new JLabel(" ");
    private final Timer refresh = new Timer(REFRESH_MILLIS, e -> requestSnapshot());
    private final ExecutorService snapshots = Executors.newSingleThreadExecutor(DaemonThreads.named("fieldbench-devices-view"));
    private final AtomicBoolean snapshotPending = new AtomicBoolean();
    private List<String> selected = List.of();
    /** What the last Forget or Clear did, shown after the counts until the next one. */
    private String forgotten = "";
    private Replayed lastReplay = Replayed.NONE;

    /**
     * @param registry          the device snapshots; called off the EDT
     * @param replayed          the last recording played back, left out of the device figures; called off the EDT
     * @param selectionListener told the ids of the selected devices whenever the selection changes
     * @param forget            forgets the devices that match; returns at once
     * @param downlink          the bridge's downlink to other benches' devices, while it runs
     */
    DevicesPanel(Supplier<List<Device>> registry, Supplier<Replayed> replayed, Consumer<List<String>> selectionListener,
            Function<Predicate<Device>, CompletableFuture<ForgottenDevices>> forget,
            Supplier<Optional<RemoteDownlink>> downlink) {
        super(new BorderLayout());
        this.registry = registry;
        this.replayed = replayed;
        this.selectionListener = selectionListener;
        this.forget = forget;
        this.send = new SendToDevice(this, () -> selected, downlink);
        add(toolbar(), BorderLayout.NORTH);
        add(new JScrollPane(table), BorderLayout.CENTER);
        configureTable();
        refresh.start();
        requestSnapshot();
    }

    private JPanel toolbar() {
        filterText.putClientProperty("JTextField.placeholderText", "Filter: id, endpoint or channel");
        filterText.setToolTipText("Show devices whose id, an endpoint or a channel contains this text");
        TextChanges.onChange(filterText, this::applyFilter);
        onlineOnly.addActionListener(e -> applyFilter());
        JPanel filters = new JPanel(new WrapLayout());
        filters.add(filterText);
        filters.add(onlineOnly);
        filters.add(button("Forget offline", "Remove the offline devices; one that sends again comes back as new",
                this::forgetOffline));
        filters.add(button("Clear all", "Remove every device; those that send again come back as new", this::clearAll));
        filters.add(send.button());
        // the counts on a line of their own under the controls: the whole width, never squeezed to "..."
        status.setBorder(BorderFactory.createEmptyBorder(0, WrapLayout.GAP, WrapLayout.GAP / 2, WrapLayout.GAP));
        status.setName("devices-status");
        JPanel bar = new JPanel(new BorderLayout());
        bar.add(filters, BorderLayout.NORTH);
        bar.add(status, BorderLayout.SOUTH);
        return bar;
    }

    private static JButton button(String text, String tip, Runnable action) {
        JButton button = new JButton(text);
        button.setToolTipText(tip);
        button.addActionListener(e -> action.run());
        return button;
    }

    private void forgetOffline() {
        forget(device -> !device.online(), "offline ");
    }

    private void clearAll() {
        int answer = JOptionPane.showConfirmDialog(this,
                "Forget all " + model.getRowCount() + " devices? Devices that send again come back as new.",
                "Clear all devices", JOptionPane.OK_CANCEL_OPTION, JOptionPane.WARNING_MESSAGE);
        if (answer == JOptionPane.OK_OPTION) {
            forget(device -> true, "");
        }
    }

    /** On the EDT: the registry only queues the request, and answers on its own thread. */
    private void forget(Predicate<Device> which, String kind) {
        forget.apply(which).whenComplete((done, failure) -> SwingUtilities.invokeLater(() -> {
            if (failure != null) {
                Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
                JOptionPane.showMessageDialog(this, "Could not forget the " + kind + "devices: " + cause,
                        "Devices", JOptionPane.ERROR_MESSAGE);
                return;
            }
            forgotten = done.summary();
            showStatus();
            requestSnapshot();
        }));
    }

    private void configureTable() {
        sorter.setSortsOnUpdates(true);
        sorter.setSortKeys(List.of(new RowSorter.SortKey(DeviceRow.DEVICE, SortOrder.ASCENDING)));
        table.setRowSorter(sorter);
        table.setFillsViewportHeight(true);
        table.setAutoResizeMode(JTable.AUTO_RESIZE_SUBSEQUENT_COLUMNS);
        for (int column = 0; column < WIDTHS.length; column++) {
            table.getColumnModel().getColumn(column).setPreferredWidth(WIDTHS[column]);
        }
        DeviceCells.install(table);
        table.getSelectionModel().addListSelectionListener(e -> {
            if (!e.getValueIsAdjusting()) {
                selectionChanged();
            }
        });
        applyFilter();
    }

    private void applyFilter() {
        DeviceFilter filter = new DeviceFilter(filterText.getText(), onlineOnly.isSelected());
        sorter.setRowFilter(new RowFilter<RowsModel<DeviceRow>, Integer>() {
            @Override
            public boolean include(Entry<? extends RowsModel<DeviceRow>, ? extends Integer> entry) {
                return filter.test(model.row(entry.getIdentifier()).device());
            }
        });
        showStatus();
    }

    /** On the EDT: asks for a snapshot unless one is on its way; skipped while the view is hidden. */
    private void requestSnapshot() {
        boolean hidden = !isShowing() && model.getRowCount() > 0;
        if (hidden || !snapshotPending.compareAndSet(false, true)) {
            return;
        }
        try {
            snapshots.execute(() -> {
                List<DeviceRow> snapshot = registry.get().stream().map(DeviceRow::new).toList();
                Replayed replay = replayed.get();
                SwingUtilities.invokeLater(() -> show(snapshot, replay));
            });
        } catch (RejectedExecutionException e) {
            snapshotPending.set(false); // the view is closing
        }
    }

    private void show(List<DeviceRow> snapshot, Replayed replay) {
        snapshotPending.set(false);
        model.merge(snapshot, DeviceRow::id);
        lastReplay = replay;
        showStatus();
        send.selectionChanged(); // the bridge may have connected since
    }

    private void selectionChanged() {
        List<String> ids = new ArrayList<>();
        for (int row : table.getSelectedRows()) {
            ids.add(model.row(table.convertRowIndexToModel(row)).id());
        }
        if (!ids.equals(selected)) {
            selected = List.copyOf(ids);
            selectionListener.accept(selected);
            send.selectionChanged();
        }
    }

    private void showStatus() {
        int online = 0;
        for (int row = 0; row < model.getRowCount(); row++) {
            if (model.row(row).device().online()) {
                online++;
            }
        }
        String text = model.getRowCount() + (model.getRowCount() == 1 ? " device · " : " devices · ") + online + " online";
        if (table.getRowCount() != model.getRowCount()) {
            text += " · " + table.getRowCount() + " shown";
        }
        if (!selected.isEmpty()) {
            text += " · " + selected.size() + " selected";
        }
        if (!forgotten.isEmpty()) {
            text += " · " + forgotten;
        }
        if (lastReplay.samples() > 0) {
            text += String.format(" · %s: %,d samples of %d %s, not counted here (the charts show them as REPLAY)",
                    lastReplay.running() ? "replay running" : "last replay", lastReplay.samples(), lastReplay.devices(),
                    lastReplay.devices() == 1 ? "device" : "devices");
        }
        if (!text.equals(status.getText())) {
            status.setText(text);
            status.setToolTipText(text);
        }
    }

    /** The ids of the selected devices, in table order. Call on the EDT. */
    List<String> selectedDevices() {
        return selected;
    }

    /** Stops following the registry; the view is going away. Call on the EDT. */
    void dispose() {
        refresh.stop();
        snapshots.shutdownNow();
    }
}
