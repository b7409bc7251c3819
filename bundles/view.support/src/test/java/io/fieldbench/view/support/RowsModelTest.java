package io.fieldbench.view.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import javax.swing.JTable;
import javax.swing.RowSorter;
import javax.swing.SortOrder;
import javax.swing.event.TableModelEvent;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RowsModelTest {

    private record Sample(String name, long count) {
    }

    private final RowsModel<Sample> model = new RowsModel<Sample>(RowsModelTest::cell, "Name", "Count")
            .withColumnClass(1, Long.class);
    private final List<String> events = new ArrayList<>();

    @BeforeEach
    void listen() {
        model.addTableModelListener(e -> events.add(describe(e)));
    }

    @Test
    void cellsComeFromTheRowsThroughTheFunction() {
        model.show(List.of(new Sample("a", 1), new Sample("b", 2)));

        assertEquals(List.of("all"), events);
        assertEquals(2, model.getRowCount());
        assertEquals(2, model.getColumnCount());
        assertEquals("Count", model.getColumnName(1));
        assertEquals("b", model.getValueAt(1, 0));
        assertEquals(2L, model.getValueAt(1, 1));
        assertEquals(new Sample("a", 1), model.row(0));
    }

    @Test
    void aDeclaredColumnClassSortsAsNumbersTheOthersAreObjects() {
        JTable table = model.table();
        table.setAutoCreateRowSorter(true);
        model.show(List.of(new Sample("nine", 9), new Sample("ten", 10), new Sample("two", 2)));

        table.getRowSorter().setSortKeys(List.of(new RowSorter.SortKey(1, SortOrder.ASCENDING)));

        assertEquals(Long.class, model.getColumnClass(1));
        assertEquals(Object.class, model.getColumnClass(0));
        assertEquals(List.of("two", "nine", "ten"), column(table, 0));
    }

    @Test
    void aTableGetsTheColumnWidthsAsked() {
        JTable table = model.table(40, 300);

        assertEquals(40, table.getColumnModel().getColumn(0).getPreferredWidth());
        assertEquals(300, table.getColumnModel().getColumn(1).getPreferredWidth());
    }

    @Test
    void aTablesTextCellsShowCutTextInATooltip() {
        JTable table = model.table();

        assertTrue(table.getCellRenderer(0, 0) instanceof CutTextRenderer, "the text column's renderer");
    }

    @Test
    void appendingBelowTheLimitIsOneInsertionAtTheEnd() {
        model.show(List.of(new Sample("a", 1)));
        events.clear();

        int dropped = model.append(List.of(new Sample("b", 2), new Sample("c", 3)), 10);

        assertEquals(0, dropped);
        assertEquals(List.of("insert 1..2"), events);
        assertEquals(List.of("a", "b", "c"), names());
    }

    @Test
    void appendingPastTheLimitDropsTheOldestFirstAndKeepsTheSelectedRowSelected() {
        JTable table = model.table();
        model.append(List.of(new Sample("a", 1), new Sample("b", 2), new Sample("c", 3)), 3);
        table.setRowSelectionInterval(2, 2);
        events.clear();

        int dropped = model.append(List.of(new Sample("d", 4), new Sample("e", 5)), 3);

        assertEquals(2, dropped);
        assertEquals(List.of("delete 0..1", "insert 1..2"), events);
        assertEquals(List.of("c", "d", "e"), names());
        assertEquals("c", table.getValueAt(table.getSelectedRow(), 0));
    }

    @Test
    void aBatchLargerThanTheLimitLeavesItsNewestRows() {
        model.append(List.of(new Sample("a", 1)), 2);
        events.clear();

        int dropped = model.append(List.of(new Sample("b", 2), new Sample("c", 3), new Sample("d", 4)), 2);

        assertEquals(2, dropped, "the shown a and the batch's own b");
        assertEquals(List.of("delete 0..0", "insert 0..1"), events);
        assertEquals(List.of("c", "d"), names());
    }

    @Test
    void anEmptyBatchFiresNothing() {
        model.append(List.of(), 5);

        assertEquals(List.of(), events);
    }

    @Test
    void theRowsAreReadOnlyAndFollowTheModel() {
        List<Sample> rows = model.rows();
        model.show(List.of(new Sample("a", 1)));

        assertEquals(List.of(new Sample("a", 1)), rows);
        assertThrows(UnsupportedOperationException.class, () -> rows.add(new Sample("x", 0)));
        assertThrows(IllegalArgumentException.class, () -> model.append(List.of(new Sample("x", 0)), 0));
    }

    @Test
    void mergingUpdatesChangedRowsInPlaceAndAddsNewOnesAtTheEnd() {
        model.merge(List.of(new Sample("a", 1), new Sample("b", 1), new Sample("c", 1)), Sample::name);
        events.clear();

        model.merge(List.of(new Sample("a", 1), new Sample("aa", 1), new Sample("b", 1), new Sample("c", 5)), Sample::name);

        assertEquals(List.of("update 2..2", "insert 3..3"), events);
        assertEquals(List.of("a", "b", "c", "aa"), names());
        assertEquals(5L, model.getValueAt(2, 1));
    }

    @Test
    void mergingAnUnchangedSnapshotFiresNothing() {
        model.merge(List.of(new Sample("a", 1), new Sample("b", 2)), Sample::name);
        events.clear();

        model.merge(List.of(new Sample("b", 2), new Sample("a", 1)), Sample::name);

        assertEquals(List.of(), events);
        assertEquals(List.of("a", "b"), names());
    }

    @Test
    void mergingASnapshotWithoutSomeRowShowsItAnew() {
        model.merge(List.of(new Sample("a", 1), new Sample("b", 2)), Sample::name);
        events.clear();

        model.merge(List.of(new Sample("b", 2), new Sample("c", 3)), Sample::name);

        assertEquals(List.of("all"), events);
        assertEquals(List.of("b", "c"), names());
    }

    @Test
    void mergingAfterShownRowsKnowsThemByKey() {
        model.show(List.of(new Sample("a", 1)));
        model.append(List.of(new Sample("b", 1)), 10);
        events.clear();

        model.merge(List.of(new Sample("a", 1), new Sample("b", 7)), Sample::name);

        assertEquals(List.of("update 1..1"), events);
        assertEquals(List.of("a", "b"), names());
    }

    private static Object cell(Sample sample, int column) {
        return column == 0 ? sample.name() : sample.count();
    }

    private List<String> names() {
        return model.rows().stream().map(Sample::name).toList();
    }

    private static List<Object> column(JTable table, int column) {
        return IntStream.range(0, table.getRowCount()).mapToObj(row -> table.getValueAt(row, column)).toList();
    }

    private static String describe(TableModelEvent e) {
        if (e.getFirstRow() == TableModelEvent.HEADER_ROW || e.getLastRow() == Integer.MAX_VALUE) {
            return "all";
        }
        String kind = e.getType() == TableModelEvent.INSERT ? "insert" : e.getType() == TableModelEvent.UPDATE ? "update" : "delete";
        return kind + " " + e.getFirstRow() + ".." + e.getLastRow();
    }
}
