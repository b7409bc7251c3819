package io.fieldbench.registry.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import javax.swing.JTable;
import javax.swing.RowSorter;
import javax.swing.SortOrder;
import javax.swing.event.TableModelEvent;
import javax.swing.table.TableRowSorter;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.fieldbench.api.device.Device;

class DevicesTableModelTest {

    private static final Instant T0 = Instant.parse("2026-11-21T10:00:00Z");

    private final DevicesTableModel model = new DevicesTableModel();
    private final List<String> events = new ArrayList<>();

    @BeforeEach
    void listen() {
        model.update(List.of(device("a", 1), device("b", 1), device("c", 1)));
        model.addTableModelListener(e -> events.add(describe(e)));
    }

    @Test
    void changedRowsAreUpdatedInPlace() {
        model.update(List.of(device("a", 1), device("b", 2), device("c", 1)));

        assertEquals(List.of("update 1..1"), events);
        assertEquals(2L, model.getValueAt(1, DevicesTableModel.PACKETS));
    }

    @Test
    void newDevicesAreInsertedAtTheEnd() {
        model.update(List.of(device("a", 1), device("aa", 1), device("b", 1), device("c", 5)));

        assertEquals(List.of("update 2..2", "insert 3..3"), events);
        assertEquals("aa", model.getValueAt(3, DevicesTableModel.DEVICE));
    }

    @Test
    void aSortedTableFollowsUpdatesAndInsertsTogetherAndKeepsItsSelection() {
        JTable table = new JTable(model);
        TableRowSorter<DevicesTableModel> sorter = new TableRowSorter<>(model);
        sorter.setSortsOnUpdates(true);
        sorter.setSortKeys(List.of(new RowSorter.SortKey(DevicesTableModel.PACKETS, SortOrder.DESCENDING)));
        table.setRowSorter(sorter);
        table.setRowSelectionInterval(0, 0);
        String selected = (String) table.getValueAt(0, DevicesTableModel.DEVICE);

        model.update(List.of(device("a", 2), device("b", 3), device("c", 4), device("d", 1)));

        assertEquals(4, table.getRowCount());
        assertEquals(List.of("c", "b", "a", "d"), java.util.stream.IntStream.range(0, 4)
                .mapToObj(row -> (String) table.getValueAt(row, DevicesTableModel.DEVICE)).toList());
        assertEquals(selected, model.getValueAt(table.convertRowIndexToModel(table.getSelectedRow()), DevicesTableModel.DEVICE));
    }

    @Test
    void anUnchangedSnapshotFiresNothing() {
        model.update(List.of(device("a", 1), device("b", 1), device("c", 1)));

        assertEquals(List.of(), events);
    }

    @Test
    void aSnapshotWithoutSomeRowsReplacesTheTable() {
        model.update(List.of(device("b", 1)));

        assertEquals(List.of("all"), events);
        assertEquals(1, model.getRowCount());
    }

    @Test
    void showsTheFirstEndpointAndHowManyMore() {
        model.update(List.of(new Device("a", Set.of("10.0.0.2:5", "10.0.0.1:7"), T0, T0, 1, 1, 0, 0, 0, 0, Set.of("t", "h"), true)));

        assertEquals("10.0.0.1:7 +1", model.getValueAt(0, DevicesTableModel.ENDPOINTS));
        assertEquals("h, t", model.getValueAt(0, DevicesTableModel.CHANNELS));
    }

    private static Device device(String id, long packets) {
        return new Device(id, Set.of("127.0.0.1:1"), T0, T0, packets, packets * 40, 1.0, 0, 0, 0, Set.of("temp"), true);
    }

    private static String describe(TableModelEvent e) {
        if (e.getFirstRow() == TableModelEvent.HEADER_ROW || e.getLastRow() == Integer.MAX_VALUE) {
            return "all";
        }
        String kind = e.getType() == TableModelEvent.INSERT ? "insert" : e.getType() == TableModelEvent.UPDATE ? "update" : "delete";
        return kind + " " + e.getFirstRow() + ".." + e.getLastRow();
    }
}
