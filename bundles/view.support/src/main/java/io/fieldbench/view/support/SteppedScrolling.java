package io.fieldbench.view.support;

import java.awt.Dimension;
import java.awt.Rectangle;

import javax.swing.Scrollable;
import javax.swing.SwingConstants;

/**
 * The {@link Scrollable} steps most scrolled components want: the wheel and arrows move
 * {@value #SCROLL_UNIT} pixels, a block is what is visible, and the viewport asks for the
 * component's preferred size. A component that implements this says only whether it tracks the
 * viewport's width and height.
 */
public interface SteppedScrolling extends Scrollable {

    /** Pixels one click of the scroll wheel or arrow moves. */
    int SCROLL_UNIT = 16;

    /** The component's own preferred size (a {@code JComponent} has it). */
    Dimension getPreferredSize();

    @Override
    default Dimension getPreferredScrollableViewportSize() {
        return getPreferredSize();
    }

    @Override
    default int getScrollableUnitIncrement(Rectangle visible, int orientation, int direction) {
        return SCROLL_UNIT;
    }

    @Override
    default int getScrollableBlockIncrement(Rectangle visible, int orientation, int direction) {
        return orientation == SwingConstants.VERTICAL ? visible.height : visible.width;
    }
}
