package io.fieldbench.sim.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Component;
import java.awt.Container;
import java.awt.FontMetrics;
import java.util.Optional;
import java.util.stream.Stream;

import javax.swing.AbstractButton;
import javax.swing.JSpinner;
import javax.swing.JTextField;
import javax.swing.SwingUtilities;

import org.junit.jupiter.api.Test;

class SendPanelTest {

    /** About what the Sender view gets docked at the side of a 1024 px window. */
    private static final int NARROW_VIEW_WIDTH = 240;

    @Test
    void theDefaultMessageNamesNoSimulatedDeviceAndCarriesNoSequence() throws Exception {
        String message = onEdt(() -> ((JTextField) named(new SendPanel(), "message")).getText());
        assertEquals(SendPanel.DEFAULT_MESSAGE, message);
        assertFalse(message.contains("seq="), "no sequence number, so repeated sends count no gaps or losses");
        assertFalse(message.matches(".*id=dev\\d+.*"), "not one of the simulator's devices");
    }

    @Test
    void thePeriodFieldShowsTheLongestPeriodWholeInANarrowView() throws Exception {
        assertTrue(onEdt(() -> {
            SendPanel panel = new SendPanel();
            panel.setSize(NARROW_VIEW_WIDTH, panel.getPreferredSize().height);
            layOut(panel);
            JTextField field = ((JSpinner.DefaultEditor) ((JSpinner) named(panel, "period")).getEditor()).getTextField();
            FontMetrics metrics = field.getFontMetrics(field.getFont());
            int room = field.getWidth() - field.getInsets().left - field.getInsets().right;
            return room >= metrics.stringWidth("3600000");
        }), "3600000 ms fits; 1000 was shown as 1 before");
    }

    @Test
    void everyButtonShowsItsWholeLabelInANarrowView() throws Exception {
        assertTrue(onEdt(() -> {
            SendPanel panel = new SendPanel();
            panel.setSize(NARROW_VIEW_WIDTH, panel.getPreferredSize().height);
            layOut(panel);
            panel.setSize(NARROW_VIEW_WIDTH, panel.getPreferredSize().height); // the wrapped rows' height, asked for now
            layOut(panel);
            return all(panel).filter(c -> c instanceof AbstractButton b && !b.getText().isEmpty())
                    .allMatch(b -> b.getWidth() >= b.getPreferredSize().width);
        }), "no button cut to '...' (the heartbeat button was 'Sta...')");
    }

    private static void layOut(Component component) {
        if (component instanceof Container container) {
            container.doLayout();
            for (Component child : container.getComponents()) {
                layOut(child);
            }
        }
    }

    private static Component named(Container root, String name) {
        return all(root).filter(c -> name.equals(c.getName())).findFirst().orElseThrow();
    }

    private static Stream<Component> all(Component component) {
        Stream<Component> children = component instanceof Container container
                ? Stream.of(container.getComponents()).flatMap(SendPanelTest::all) : Stream.empty();
        return Stream.concat(Stream.of(component), children);
    }

    private static <T> T onEdt(java.util.concurrent.Callable<T> work) throws Exception {
        @SuppressWarnings("unchecked")
        T[] result = (T[]) new Object[1];
        Exception[] failure = new Exception[1];
        SwingUtilities.invokeAndWait(() -> {
            try {
                result[0] = work.call();
            } catch (Exception e) {
                failure[0] = e;
            }
        });
        if (failure[0] != null) {
            throw failure[0];
        }
        return Optional.ofNullable(result[0]).orElseThrow();
    }
}
