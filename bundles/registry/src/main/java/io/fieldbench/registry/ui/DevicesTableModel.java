package io.fieldbench.registry.ui;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.swing.table.AbstractTableModel;

import io.fieldbench.api.device.Device;

/**
 * The devices as table rows, updated in place from registry snapshots: a row keeps its index for
 * as long as its device is known, changed rows are reported as updated and new devices as
 * inserted, so the table keeps its selection, sort and scroll position. Use on the EDT.
 */
final class DevicesTableModel extends AbstractTableModel {

    static final int DEVICE = 0;
    static final int ONLINE = 1;
    static final int ENDPOINTS = 2;
    static final int PACKETS = 3;
    static final int RATE = 4;
    static final int BYTES = 5;
    static final int ERRORS = 6;
    static final int GAPS = 7;
    static final int LOST = 8;
    static final int CHANNELS = 9;
    static final int FIRST_SEEN = 10;
    static final int LAST_SEEN = 11;
    static final int MESSAGE = 12;
    private static final String[] COLUMNS = {"Device", "State", "Endpoint", "Packets", "Rate /s", "Bytes", "Errors",
        "Gaps", "Lost", "Channels", "First seen", "Last seen", "Last message"};
    private static final Class<?>[] TYPES = {String.class, Boolean.class, String.class, Long.class, Double.class,
        Long.class, Long.class, Long.class, Long.class, String.class, Instant.class, Instant.class, String.class};

    private final List<Row> rows = new ArrayList<>();
    private final Map<String, Integer> rowById = new HashMap<>();

    /** Takes the newest snapshot, firing as few and as narrow table events as it can. */
    void update(List<Device> snapshot) {
        if (snapshot.size() < rows.size() || !knowsAll(snapshot)) {
            replaceAll(snapshot);
            return;
        }
        // updates first, announced while the row count is still the one listeners know; then the new rows
        int firstChanged = Integer.MAX_VALUE;
        int lastChanged = -1;
        List<Device> added = new ArrayList<>();
        for (Device device : snapshot) {
            Integer row = rowById.get(device.id());
            if (row == null) {
                added.add(device);
            } else if (!rows.get(row).device().equals(device)) {
                rows.set(row, rows.get(row).with(device));
                firstChanged = Math.min(firstChanged, row);
                lastChanged = Math.max(lastChanged, row);
            }
        }
        if (lastChanged >= 0) {
            fireTableRowsUpdated(firstChanged, lastChanged);
        }
        if (!added.isEmpty()) {
            int before = rows.size();
            for (Device device : added) {
                rowById.put(device.id(), rows.size());
                rows.add(new Row(device));
            }
            fireTableRowsInserted(before, rows.size() - 1);
        }
    }

    /** Whether every row's device is still in the snapshot (the user may have had devices forgotten). */
    private boolean knowsAll(List<Device> snapshot) {
        if (rows.isEmpty()) {
            return true;
        }
        Set<String> ids = new HashSet<>(snapshot.size() * 2);
        for (Device device : snapshot) {
            ids.add(device.id());
        }
        return ids.containsAll(rowById.keySet());
    }

    private void replaceAll(List<Device> snapshot) {
        rows.clear();
        rowById.clear();
        for (Device device : snapshot) {
            rowById.put(device.id(), rows.size());
            rows.add(new Row(device));
        }
        fireTableDataChanged();
    }

    Device device(int row) {
        return rows.get(row).device();
    }

    @Override
    public int getRowCount() {
        return rows.size();
    }

    @Override
    public int getColumnCount() {
        return COLUMNS.length;
    }

    @Override
    public String getColumnName(int column) {
        return COLUMNS[column];
    }

    @Override
    public Class<?> getColumnClass(int column) {
        return TYPES[column];
    }

    @Override
    public Object getValueAt(int row, int column) {
        Row line = rows.get(row);
        Device device = line.device();
        return switch (column) {
            case DEVICE -> device.id();
            case ONLINE -> device.online();
            case ENDPOINTS -> line.endpoints();
            case PACKETS -> device.packets();
            case RATE -> device.rate();
            case BYTES -> device.bytes();
            case ERRORS -> device.decodeErrors();
            case GAPS -> device.gaps();
            case LOST -> device.lost();
            case CHANNELS -> line.channels();
            case FIRST_SEEN -> device.firstSeen();
            case LAST_SEEN -> device.lastSeen();
            case MESSAGE -> device.lastMessage();
            default -> throw new IndexOutOfBoundsException(column);
        };
    }

    /**
     * A device with its endpoint and channel texts, made once per change rather than at every paint
     * and sort comparison.
     */
    private record Row(Device device, String endpoints, String channels) {

        Row(Device device) {
            this(device, endpointText(device.endpoints()), channelText(device.channels()));
        }

        Row with(Device changed) {
            return new Row(changed,
                    changed.endpoints().equals(device.endpoints()) ? endpoints : endpointText(changed.endpoints()),
                    changed.channels().equals(device.channels()) ? channels : channelText(changed.channels()));
        }

        /** The alphabetically first endpoint, and how many more. */
        private static String endpointText(Set<String> endpoints) {
            List<String> sorted = endpoints.stream().sorted().toList();
            if (sorted.isEmpty()) {
                return "";
            }
            return sorted.size() == 1 ? sorted.get(0) : sorted.get(0) + " +" + (sorted.size() - 1);
        }

        private static String channelText(Set<String> channels) {
            return String.join(", ", channels.stream().sorted().toList());
        }
    }
}
