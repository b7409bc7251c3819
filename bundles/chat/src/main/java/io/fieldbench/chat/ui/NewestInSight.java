package io.fieldbench.chat.ui;

import javax.swing.BoundedRangeModel;
import javax.swing.JScrollPane;
import javax.swing.JTable;

/**
 * Keeps a log's newest row in sight as a chat app does: while the user has the log scrolled to
 * its end, new rows scroll it along; scrolled up to read, it stays where the user put it until
 * scrolled back down. EDT only.
 */
final class NewestInSight {

    /** Pixels short of the end that still count as at the end (a wheel step may stop just before it). */
    private static final int SLACK = 4;

    private final JTable table;
    private final JScrollPane scroll;

    NewestInSight(JTable table) {
        this.table = table;
        this.scroll = new JScrollPane(table);
    }

    /** The scroll pane to show the table in. */
    JScrollPane scrollPane() {
        return scroll;
    }

    /** Makes a change to the table's rows, then shows the newest one if the end was in sight before it. */
    void change(Runnable addRows) {
        BoundedRangeModel bar = scroll.getVerticalScrollBar().getModel();
        boolean atEnd = bar.getValue() + bar.getExtent() >= bar.getMaximum() - SLACK;
        addRows.run();
        int last = table.getRowCount() - 1;
        if (atEnd && last >= 0) {
            table.scrollRectToVisible(table.getCellRect(last, 0, true));
        }
    }
}
