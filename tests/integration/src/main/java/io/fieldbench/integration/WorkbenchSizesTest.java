package io.fieldbench.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.Component;
import java.awt.Dimension;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import javax.swing.AbstractButton;
import javax.swing.JComponent;
import javax.swing.JFrame;
import javax.swing.JLabel;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.osgi.test.common.annotation.InjectService;

import io.fieldbench.api.workbench.Workbench;

/**
 * Every view at the small, the default and the large window a lab engineer uses: each label and button
 * it shows is whole, or whole in its tooltip where the view must cut it. A picture of the workbench
 * showing each view at each size is saved beside the workbench's screenshot ({@code views/VIEW-WxH.png}),
 * for a person to look at. Needs a display (CI runs the build under xvfb-run); skipped without one.
 */
@ExtendWith(NeedsDisplay.class)
class WorkbenchSizesTest {

    private static final long SERVICE_TIMEOUT_MILLIS = 10_000;
    /** The views of this runtime (the simulator's Sender is not in it). */
    private static final List<String> VIEWS = List.of("modules", "log", "settings", "udp", "devices", "chat", "tcp-client",
            "files", "imagerelay", "recordings", "bridge");

    @InjectService(timeout = SERVICE_TIMEOUT_MILLIS)
    Workbench workbench;

    @Test
    void everyViewReadsAt1024By700() throws IOException {
        everyViewReadsAt(new Dimension(1024, 700));
    }

    @Test
    void everyViewReadsAt1280By800() throws IOException {
        everyViewReadsAt(new Dimension(1280, 800));
    }

    @Test
    void everyViewReadsAt1600By1000() throws IOException {
        everyViewReadsAt(new Dimension(1600, 1000));
    }

    private void everyViewReadsAt(Dimension size) throws IOException {
        WorkbenchUi.show(workbench, "modules");
        JFrame frame = WorkbenchUi.frameShowing("modules");
        Dimension before = WorkbenchUi.onEdt(frame::getSize);
        int state = WorkbenchUi.onEdt(frame::getExtendedState);
        try {
            resize(frame, size);
            for (String view : VIEWS) {
                Component shown = WorkbenchUi.show(workbench, view);
                String where = view + " at " + size.width + "×" + size.height;
                try {
                    Poll.until(where + " shows every label and button whole or in a tooltip",
                            () -> WorkbenchUi.onEdt(() -> cut(shown).isEmpty()));
                } catch (AssertionError notWhole) {
                    assertEquals(List.of(), WorkbenchUi.onEdt(() -> cut(shown)), where + ": cut without a tooltip");
                }
                WorkbenchUi.saveBesideScreenshot(WorkbenchUi.onEdt(() -> WorkbenchUi.picture(frame)),
                        "views/" + view + "-" + size.width + "x" + size.height + ".png");
            }
        } finally {
            resize(frame, before);
            WorkbenchUi.onEdt(() -> {
                frame.setExtendedState(state);
                return null;
            });
        }
    }

    private static void resize(JFrame frame, Dimension size) {
        WorkbenchUi.onEdt(() -> {
            frame.setExtendedState(JFrame.NORMAL);
            frame.setSize(size);
            frame.validate();
            return null;
        });
    }

    /** The labels and buttons shown narrower than their text, with no tooltip that has it. */
    private static List<String> cut(Component view) {
        List<String> cut = new ArrayList<>();
        for (Component component : WorkbenchUi.findAll(view, Component.class)) {
            String text = component instanceof JLabel label ? label.getText()
                    : component instanceof AbstractButton button ? button.getText() : null;
            // an HTML label wraps rather than cuts
            if (text == null || text.isBlank() || text.startsWith("<html>") || !component.isShowing()) {
                continue;
            }
            String tip = ((JComponent) component).getToolTipText();
            if (component.getWidth() < component.getPreferredSize().width - 1 && (tip == null || !tip.contains(text))) {
                cut.add("'" + text + "' " + component.getWidth() + " of " + component.getPreferredSize().width + " px");
            }
        }
        return cut;
    }
}
