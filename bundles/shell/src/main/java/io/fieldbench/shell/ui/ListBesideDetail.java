package io.fieldbench.shell.ui;

import java.awt.Component;
import java.awt.Dimension;

import javax.swing.JComponent;
import javax.swing.JSplitPane;

/**
 * A list on the left of its detail that opens at the list's preferred width and never gets
 * narrower than its minimum. A split pane keeps its divider where it was first painted, and a
 * docked view is often painted first in a sliver while the dock lays out: until the split has
 * room for the list, each layout puts the divider back at the list's preferred width.
 */
public final class ListBesideDetail extends JSplitPane {

    private boolean placed;

    /**
     * @param preferredWidth the width the list opens with
     * @param minimumWidth   the least the divider leaves it
     */
    public ListBesideDetail(JComponent list, Component detail, int preferredWidth, int minimumWidth) {
        super(HORIZONTAL_SPLIT, list, detail);
        list.setPreferredSize(new Dimension(preferredWidth, list.getPreferredSize().height));
        list.setMinimumSize(new Dimension(minimumWidth, 0));
        setResizeWeight(0); // a wider view widens the detail
    }

    @Override
    public void doLayout() {
        int least = getLeftComponent().getMinimumSize().width;
        if (!placed) {
            // the divider location set while the size changes is ignored by the look and feel: reset instead
            resetToPreferredSizes();
            placed = fits(getLeftComponent().getPreferredSize().width);
        } else if (getDividerLocation() < least && fits(least)) {
            setDividerLocation(least);
        }
        super.doLayout();
    }

    private boolean fits(int listWidth) {
        return getWidth() >= listWidth + getDividerSize() + getRightComponent().getMinimumSize().width;
    }
}
