package io.fieldbench.view.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javax.swing.JComponent;
import javax.swing.JPanel;
import javax.swing.SwingUtilities;

import org.junit.jupiter.api.Test;

class PanelViewTest {

    private static final class TestView extends PanelView<JPanel> {

        TestView() {
            super("test", "Test");
        }

        @Override
        protected JPanel createPanel() {
            return new JPanel();
        }
    }

    private final TestView view = new TestView();

    @Test
    void remembersThePanelItMadeUnderItsIdAndTitle() {
        JComponent made = view.createComponent();

        assertSame(made, view.panel());
        assertEquals("test", view.id());
        assertEquals("Test", view.title());
    }

    @Test
    void closingForgetsThePanelAndStopsItOnTheEdt() throws Exception {
        JComponent made = view.createComponent();
        CompletableFuture<Boolean> stoppedOnEdt = new CompletableFuture<>();

        view.closePanel(panel -> stoppedOnEdt.complete(panel == made && SwingUtilities.isEventDispatchThread()));

        assertNull(view.panel());
        assertTrue(stoppedOnEdt.get(10, TimeUnit.SECONDS));
    }

    @Test
    void closingWithoutAPanelStopsNothing() throws Exception {
        CompletableFuture<Boolean> stopped = new CompletableFuture<>();

        view.closePanel(panel -> stopped.complete(true));
        SwingUtilities.invokeAndWait(() -> stopped.complete(false));

        assertEquals(false, stopped.get(10, TimeUnit.SECONDS));
    }
}
