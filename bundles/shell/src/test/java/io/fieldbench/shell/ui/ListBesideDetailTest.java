package io.fieldbench.shell.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;

import javax.swing.JList;
import javax.swing.JPanel;
import javax.swing.JScrollPane;

import org.junit.jupiter.api.Test;

class ListBesideDetailTest {

    private static final int PREFERRED = 260;
    private static final int MINIMUM = 180;
    private static final int HEIGHT = 400;

    private final JScrollPane list = new JScrollPane(new JList<>(new String[] {"io.fieldbench.udp"}));
    private final ListBesideDetail split = new ListBesideDetail(list, new JPanel(), PREFERRED, MINIMUM);

    /** Lays the split out at this width and paints it, as the dock does. */
    private void showAt(int width) {
        split.setSize(width, HEIGHT);
        split.doLayout();
        BufferedImage picture = new BufferedImage(Math.max(width, 1), HEIGHT, BufferedImage.TYPE_INT_RGB);
        split.paint(picture.getGraphics());
    }

    @Test
    void opensTheListAtItsPreferredWidthAfterAFirstPaintInASliver() {
        showAt(20);
        showAt(1000);

        assertEquals(PREFERRED, list.getWidth());
    }

    @Test
    void keepsWhereTheUserPutTheDivider() {
        showAt(1000);
        split.setDividerLocation(400);
        showAt(1000);
        showAt(1200);

        assertEquals(400, split.getDividerLocation());
    }

    @Test
    void neverLetsTheListGetNarrowerThanItsMinimumInAWideView() {
        showAt(1000);
        split.setDividerLocation(5);
        showAt(1000);

        assertTrue(split.getDividerLocation() >= MINIMUM, () -> "the divider is at " + split.getDividerLocation());
    }
}
