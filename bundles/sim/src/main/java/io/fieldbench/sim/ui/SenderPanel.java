package io.fieldbench.sim.ui;

import java.awt.BorderLayout;

import javax.swing.BorderFactory;
import javax.swing.JPanel;

import io.fieldbench.sim.internal.SimulatorControl;

/** The Sender view's content: the datagram sender above, the simulator below. */
final class SenderPanel extends JPanel {

    private static final int GAP = 6;

    private final SendPanel send = new SendPanel();
    private final SimulatorPanel simulate;

    SenderPanel(SimulatorControl simulator) {
        super(new BorderLayout(0, GAP));
        simulate = new SimulatorPanel(simulator);
        send.setBorder(BorderFactory.createTitledBorder("Send datagrams"));
        simulate.setBorder(BorderFactory.createTitledBorder("Simulate devices"));
        add(send, BorderLayout.CENTER);
        add(simulate, BorderLayout.SOUTH);
        setBorder(BorderFactory.createEmptyBorder(GAP, GAP, GAP, GAP));
    }

    /** Stops the timers, the heartbeat and the socket; the view is going away. Call on the EDT. */
    void dispose() {
        send.dispose();
        simulate.dispose();
    }
}
