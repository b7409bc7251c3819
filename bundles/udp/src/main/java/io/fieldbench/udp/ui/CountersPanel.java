package io.fieldbench.udp.ui;

import java.awt.Color;

import javax.swing.BoxLayout;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.UIManager;

import io.fieldbench.support.ByteSize;
import io.fieldbench.udp.internal.CollectorCounters.Totals;
import io.fieldbench.udp.internal.CollectorStatus;

import io.fieldbench.view.support.WrapLayout;

/** The collector's live counts: rates, totals, buffer, and every kind of drop, in red once it happened. */
final class CountersPanel extends JPanel {

    private static final int GAP = 6;

    private final JLabel rates = new JLabel(" ");
    private final JLabel received = new JLabel(" ");
    private final JLabel buffer = new JLabel(" ");
    private final JLabel transport = new JLabel(" ");
    private final JLabel drops = new JLabel(" ");
    private final JLabel decodeErrors = new JLabel(" ");
    private final JLabel replyFailures = new JLabel(" ");

    CountersPanel() {
        setLayout(new BoxLayout(this, BoxLayout.PAGE_AXIS));
        add(row(rates, received, buffer, transport));
        add(row(drops, decodeErrors, replyFailures));
    }

    private static JPanel row(JLabel... labels) {
        JPanel row = new JPanel(new WrapLayout(GAP));
        for (JLabel label : labels) {
            row.add(label);
        }
        row.setAlignmentX(LEFT_ALIGNMENT);
        return row;
    }

    /** Shows the counts; on the EDT. Labels change only when their text does. */
    void show(CollectorStatus status) {
        Totals totals = status.totals();
        set(rates, String.format("%,.0f datagrams/s · %s/s", status.datagramRate(), ByteSize.of(status.byteRate())));
        set(received, String.format("received %,d datagrams, %s", totals.datagrams(), ByteSize.of(totals.bytes())));
        set(buffer, "receive buffer " + (status.running()
                ? ByteSize.of(status.grantedBuffer()) + " granted of " + ByteSize.of(status.askedBuffer())
                : ByteSize.of(status.askedBuffer()) + " asked"));
        if (!status.transport().equals(transport.getText())) {
            transport.setText(status.transport());
            transport.setToolTipText(status.transport()); // why not epoll may be longer than a narrow view
        }
        long kernel = totals.kernelDrops();
        set(drops, String.format("dropped: %,d in the queue, %s by the kernel", totals.queueDrops(),
                kernel < 0 ? "unknown" : String.format("%,d", kernel)));
        set(decodeErrors, String.format("%,d decode errors", totals.decodeErrors()));
        set(replyFailures, String.format("%,d replies failed", totals.replyFailures()));
        Color normal = UIManager.getColor("Label.foreground");
        drops.setForeground(totals.queueDrops() > 0 || kernel > 0 ? Colors.error() : normal);
        decodeErrors.setForeground(totals.decodeErrors() > 0 ? Colors.error() : normal);
        replyFailures.setForeground(totals.replyFailures() > 0 ? Colors.error() : normal);
    }

    private static void set(JLabel label, String text) {
        if (!text.equals(label.getText())) {
            label.setText(text);
        }
    }
}
