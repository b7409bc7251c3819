package io.fieldbench.registry.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import javax.swing.JTable;
import javax.swing.RowSorter;
import javax.swing.SortOrder;
import javax.swing.table.TableRowSorter;

import org.junit.jupiter.api.Test;

import io.fieldbench.api.device.Device;
import io.fieldbench.view.support.RowsModel;

class DeviceRowTest {

    private static final Instant T0 = Instant.parse("2026-11-21T10:00:00Z");

    private final RowsModel<DeviceRow> model = DeviceRow.model();

    @Test
    void aSortedTableFollowsUpdatesAndInsertsTogetherAndKeepsItsSelection() {
        merge(device("a", 1), device("b", 1), device("c", 1));
        JTable table = new JTable(model);
        TableRowSorter<RowsModel<DeviceRow>> sorter = new TableRowSorter<>(model);
        sorter.setSortsOnUpdates(true);
        sorter.setSortKeys(List.of(new RowSorter.SortKey(DeviceRow.PACKETS, SortOrder.DESCENDING)));
        table.setRowSorter(sorter);
        table.setRowSelectionInterval(0, 0);
        String selected = (String) table.getValueAt(0, DeviceRow.DEVICE);

        merge(device("a", 2), device("b", 3), device("c", 4), device("d", 1));

        assertEquals(List.of("c", "b", "a", "d"), IntStream.range(0, table.getRowCount())
                .mapToObj(row -> (String) table.getValueAt(row, DeviceRow.DEVICE)).toList());
        assertEquals(selected, model.getValueAt(table.convertRowIndexToModel(table.getSelectedRow()), DeviceRow.DEVICE));
    }

    @Test
    void countsSortAsNumbersAndStateAsABoolean() {
        assertEquals(Long.class, model.getColumnClass(DeviceRow.PACKETS));
        assertEquals(Boolean.class, model.getColumnClass(DeviceRow.ONLINE));
        assertEquals(Instant.class, model.getColumnClass(DeviceRow.LAST_SEEN));
        assertEquals("Last message", model.getColumnName(model.getColumnCount() - 1));
    }

    @Test
    void showsTheFirstEndpointAndHowManyMore() {
        merge(new Device("a", Set.of("10.0.0.2:5", "10.0.0.1:7"), T0, T0, 1, 1, 0, 0, 0, 0, Set.of("t", "h"), true));

        assertEquals("10.0.0.1:7 +1", model.getValueAt(0, DeviceRow.ENDPOINTS));
        assertEquals("h, t", model.getValueAt(0, DeviceRow.CHANNELS));
        assertEquals(1L, model.getValueAt(0, DeviceRow.PACKETS));
    }

    private void merge(Device... devices) {
        model.merge(Stream.of(devices).map(DeviceRow::new).toList(), DeviceRow::id);
    }

    private static Device device(String id, long packets) {
        return new Device(id, Set.of("127.0.0.1:1"), T0, T0, packets, packets * 40, 1.0, 0, 0, 0, Set.of("temp"), true);
    }
}
