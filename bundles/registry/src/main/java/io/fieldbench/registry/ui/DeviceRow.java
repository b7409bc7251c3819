package io.fieldbench.registry.ui;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import io.fieldbench.api.device.Device;
import io.fieldbench.view.support.RowsModel;

/**
 * One row of the device table: a device with its endpoint and channel texts, made once per snapshot
 * on the view's snapshot thread rather than on the EDT at every paint and sort comparison. The
 * table is a {@link RowsModel} that merges each snapshot in place by device id.
 */
record DeviceRow(Device device, String endpoints, String channels) {

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
    private static final String[] COLUMNS = {"Device", "State", "Endpoint", "Packets", "Rate /s", "Bytes", "Errors",
        "Gaps", "Lost", "Channels", "First seen", "Last seen", "Last message"};
    private static final Class<?>[] TYPES = {String.class, Boolean.class, String.class, Long.class, Double.class,
        Long.class, Long.class, Long.class, Long.class, String.class, Instant.class, Instant.class, String.class};

    DeviceRow(Device device) {
        this(device, endpointText(device.endpoints()), channelText(device.channels()));
    }

    /** An empty device table, its columns typed for the renderers and the sort order. */
    static RowsModel<DeviceRow> model() {
        RowsModel<DeviceRow> model = new RowsModel<>(DeviceRow::cell, COLUMNS);
        for (int column = 0; column < TYPES.length; column++) {
            model.withColumnClass(column, TYPES[column]);
        }
        return model;
    }

    String id() {
        return device.id();
    }

    private Object cell(int column) {
        return switch (column) {
            case DEVICE -> device.id();
            case ONLINE -> device.online();
            case ENDPOINTS -> endpoints;
            case PACKETS -> device.packets();
            case RATE -> device.rate();
            case BYTES -> device.bytes();
            case ERRORS -> device.decodeErrors();
            case GAPS -> device.gaps();
            case LOST -> device.lost();
            case CHANNELS -> channels;
            case FIRST_SEEN -> device.firstSeen();
            case LAST_SEEN -> device.lastSeen();
            default -> device.lastMessage();
        };
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
