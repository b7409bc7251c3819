package io.fieldbench.view.support;

import javax.swing.JTable;
import javax.swing.JToggleButton;

/** A log's "Follow" toggle, on at first: while it is on, the log keeps its newest (last) row in sight. EDT only. */
public final class FollowButton extends JToggleButton {

    public FollowButton(String tip) {
        super("Follow", true);
        setToolTipText(tip);
    }

    /** Scrolls {@code table} to its last row when following and there is a row. */
    public void revealNewest(JTable table) {
        int last = table.getRowCount() - 1;
        if (isSelected() && last >= 0) {
            table.scrollRectToVisible(table.getCellRect(last, 0, true));
        }
    }
}
