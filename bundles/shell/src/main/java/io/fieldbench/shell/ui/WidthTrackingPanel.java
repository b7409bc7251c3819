package io.fieldbench.shell.ui;

import java.awt.Dimension;
import java.awt.Rectangle;

import javax.swing.JPanel;
import javax.swing.Scrollable;
import javax.swing.SwingConstants;

/**
 * A panel for a vertical scroll pane that follows the viewport's width, so long texts wrap
 * instead of scrolling sideways.
 */
public class WidthTrackingPanel extends JPanel implements Scrollable {

    /** Pixels one click of the scroll wheel or arrow moves. */
    public static final int SCROLL_UNIT = 16;

    private final boolean fillHeight;

    /** @param fillHeight whether the panel stretches to the viewport's height when it is shorter */
    public WidthTrackingPanel(boolean fillHeight) {
        this.fillHeight = fillHeight;
    }

    @Override
    public Dimension getPreferredScrollableViewportSize() {
        return getPreferredSize();
    }

    @Override
    public int getScrollableUnitIncrement(Rectangle visible, int orientation, int direction) {
        return SCROLL_UNIT;
    }

    @Override
    public int getScrollableBlockIncrement(Rectangle visible, int orientation, int direction) {
        return orientation == SwingConstants.VERTICAL ? visible.height : visible.width;
    }

    @Override
    public boolean getScrollableTracksViewportWidth() {
        return true;
    }

    @Override
    public boolean getScrollableTracksViewportHeight() {
        return fillHeight && getParent() != null && getParent().getHeight() > getPreferredSize().height;
    }
}
