package io.fieldbench.shell.ui;

import javax.swing.JPanel;

import io.fieldbench.view.support.SteppedScrolling;

/**
 * A panel for a vertical scroll pane that follows the viewport's width, so long texts wrap
 * instead of scrolling sideways.
 */
public class WidthTrackingPanel extends JPanel implements SteppedScrolling {

    private final boolean fillHeight;

    /** @param fillHeight whether the panel stretches to the viewport's height when it is shorter */
    public WidthTrackingPanel(boolean fillHeight) {
        this.fillHeight = fillHeight;
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
