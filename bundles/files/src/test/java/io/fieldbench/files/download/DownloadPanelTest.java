package io.fieldbench.files.download;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.Component;
import java.awt.Container;
import java.awt.Point;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import javax.swing.JLabel;
import javax.swing.SwingUtilities;

import org.junit.jupiter.api.Test;

class DownloadPanelTest {

    /** About the Files view's width in a 1024 px window with the Modules view beside it. */
    private static final int NARROW_WIDTH = 420;

    @Test
    void aLabelWrapsWithItsFieldInANarrowView() throws Exception {
        AtomicReference<int[]> rows = new AtomicReference<>();
        SwingUtilities.invokeAndWait(() -> {
            DownloadPanel panel = new DownloadPanel();
            panel.setSize(NARROW_WIDTH, panel.getPreferredSize().height);
            layOut(panel);
            Component label = all(panel).filter(c -> c instanceof JLabel l && "Save to".equals(l.getText())).findFirst().orElseThrow();
            Component field = all(panel).filter(c -> "download-save".equals(c.getName())).findFirst().orElseThrow();
            rows.set(new int[] {at(label, panel).y + label.getHeight() / 2, at(field, panel).y + field.getHeight() / 2});
        });
        int[] centres = rows.get();
        assertEquals(centres[0], centres[1], 2, "'Save to' on the row of its field, not at the end of the row above");
    }

    private static Point at(Component component, Component root) {
        return SwingUtilities.convertPoint(component.getParent(), component.getLocation(), root);
    }

    private static void layOut(Component component) {
        if (component instanceof Container container) {
            container.doLayout();
            for (Component child : container.getComponents()) {
                layOut(child);
            }
        }
    }

    private static Stream<Component> all(Component component) {
        Stream<Component> children = component instanceof Container container
                ? Stream.of(container.getComponents()).flatMap(DownloadPanelTest::all) : Stream.empty();
        return Stream.concat(Stream.of(component), children);
    }
}
