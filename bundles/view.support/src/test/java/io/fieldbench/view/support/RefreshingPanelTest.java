package io.fieldbench.view.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.swing.SwingUtilities;

import org.junit.jupiter.api.Test;

class RefreshingPanelTest {

    private static final int TICK_MILLIS = 5;
    private static final int TICKS = 3;

    private static final class CountingPanel extends RefreshingPanel {

        final AtomicInteger offEdt = new AtomicInteger();
        final CountDownLatch refreshes = new CountDownLatch(1 + TICKS);

        CountingPanel() {
            super(TICK_MILLIS);
            startRefreshing();
        }

        @Override
        protected void refresh() {
            if (!SwingUtilities.isEventDispatchThread()) {
                offEdt.incrementAndGet();
            }
            refreshes.countDown();
        }
    }

    @Test
    void refreshesAtOnceAndAtEveryTickOnTheEdtUntilStopped() throws Exception {
        CountingPanel[] panel = new CountingPanel[1];
        SwingUtilities.invokeAndWait(() -> panel[0] = new CountingPanel());
        boolean[] stopped = new boolean[2];

        assertTrue(panel[0].refreshes.await(10, TimeUnit.SECONDS));
        SwingUtilities.invokeAndWait(() -> {
            stopped[0] = panel[0].stopped();
            panel[0].stop();
            stopped[1] = panel[0].stopped();
        });

        assertEquals(0, panel[0].offEdt.get());
        assertFalse(stopped[0]);
        assertTrue(stopped[1]);
    }
}
