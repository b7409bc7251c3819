package io.fieldbench.view.support;

import java.awt.BorderLayout;

import javax.swing.JPanel;
import javax.swing.Timer;

/**
 * A view's panel (in a border layout) that shows again what it follows on the EDT every so often,
 * from when it is built until its view stops it: the state, clients and logs of the Chat, TCP
 * Client and Image Relay views, the Bridge view's status.
 */
public abstract class RefreshingPanel extends JPanel {

    private final Timer timer;

    protected RefreshingPanel(int refreshMillis) {
        super(new BorderLayout());
        timer = new Timer(refreshMillis, e -> refresh());
    }

    /** Refreshes now and then at every tick: the last thing a subclass's constructor does, its parts made. */
    protected final void startRefreshing() {
        timer.start();
        refresh();
    }

    /** Shows what the panel follows as it is now; on the EDT. */
    protected abstract void refresh();

    /** Whether the panel was stopped: an answer that comes after is not shown. */
    protected final boolean stopped() {
        return !timer.isRunning();
    }

    /** Stops refreshing; the view is going away. On the EDT. */
    public void stop() {
        timer.stop();
    }
}
