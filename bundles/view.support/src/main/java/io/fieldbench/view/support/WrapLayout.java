package io.fieldbench.view.support;

import java.awt.Component;
import java.awt.Container;
import java.awt.Dimension;
import java.awt.FlowLayout;
import java.awt.Insets;
import java.awt.Window;

import javax.swing.JComponent;
import javax.swing.JPanel;

/**
 * A flow layout that asks for the height of the rows it wraps into: a plain {@link FlowLayout}
 * wraps a narrow view's controls onto rows it never asked room for, and they vanish.
 */
public final class WrapLayout extends FlowLayout {

    /** The usual space between controls of a view's tool rows. */
    public static final int GAP = 6;

    /** The preferred size the parent was last told; null until it asked. */
    private Dimension toldParent;

    public WrapLayout() {
        this(GAP);
    }

    public WrapLayout(int gap) {
        super(LEADING, gap, gap / 2);
    }

    /** Controls that wrap as one, such as a label and its field: a label never ends a row without its field. */
    public static JPanel together(JComponent... parts) {
        JPanel together = new JPanel(new FlowLayout(LEADING, GAP / 2, 0));
        for (JComponent part : parts) {
            together.add(part);
        }
        return together;
    }

    @Override
    public Dimension preferredLayoutSize(Container target) {
        Dimension size = layoutSize(target, true);
        toldParent = new Dimension(size);
        return size;
    }

    /**
     * Lays the rows out, unless the parent sized the container from a height asked at the width it had
     * before (a parent asks for the preferred size before it gives the new width): then the window is laid
     * out again at once, so the rows do not change later, under the mouse, when a status line changes
     * (a container in no window yet is simply laid out).
     */
    @Override
    public void layoutContainer(Container target) {
        Dimension now = layoutSize(target, true);
        if (toldParent != null && !now.equals(toldParent)) {
            toldParent = now;
            target.invalidate();
            Container top = target;
            while (!(top instanceof Window) && top.getParent() != null) {
                top = top.getParent();
            }
            top.validate();
            if (target.isValid()) {
                return; // laid out by that validation, at the height the parent now gave it
            }
        }
        super.layoutContainer(target);
    }

    @Override
    public Dimension minimumLayoutSize(Container target) {
        Dimension minimum = layoutSize(target, false);
        minimum.width -= getHgap() + 1;
        return minimum;
    }

    private Dimension layoutSize(Container target, boolean preferred) {
        synchronized (target.getTreeLock()) {
            Container sized = target;
            while (sized.getSize().width == 0 && sized.getParent() != null) {
                sized = sized.getParent();
            }
            int targetWidth = sized.getSize().width == 0 ? Integer.MAX_VALUE : sized.getSize().width;
            Insets insets = target.getInsets();
            int edges = insets.left + insets.right + getHgap() * 2;
            int maxWidth = targetWidth - edges;
            Dimension size = new Dimension(0, 0);
            int rowWidth = 0;
            int rowHeight = 0;
            for (Component part : target.getComponents()) {
                if (!part.isVisible()) {
                    continue;
                }
                Dimension partSize = preferred ? part.getPreferredSize() : part.getMinimumSize();
                if (rowWidth > 0 && rowWidth + getHgap() + partSize.width > maxWidth) {
                    addRow(size, rowWidth, rowHeight);
                    rowWidth = 0;
                    rowHeight = 0;
                }
                rowWidth += (rowWidth > 0 ? getHgap() : 0) + partSize.width;
                rowHeight = Math.max(rowHeight, partSize.height);
            }
            addRow(size, rowWidth, rowHeight);
            size.width += edges;
            size.height += insets.top + insets.bottom + getVgap() * 2;
            return size;
        }
    }

    private void addRow(Dimension size, int rowWidth, int rowHeight) {
        size.width = Math.max(size.width, rowWidth);
        if (size.height > 0) {
            size.height += getVgap();
        }
        size.height += rowHeight;
    }
}
