package io.fieldbench.chart.ui;

import java.util.function.LongSupplier;

import javax.swing.JLabel;

import io.fieldbench.chart.internal.SeriesStore;
import io.fieldbench.chart.internal.StoreUsage;
import io.fieldbench.support.ByteSize;

/**
 * The line below a chart: what the store holds (series, points, memory, retention), samples
 * dropped, and whether the chart shows a replay, is paused or zoomed. It reads only what the store
 * publishes without a lock, so refreshing it on the EDT never waits for the draw worker.
 */
final class StatusLine {

    private final SeriesStore store;
    private final LongSupplier dropped;
    private final JLabel label = new JLabel(" ");

    StatusLine(SeriesStore store, LongSupplier dropped) {
        this.store = store;
        this.dropped = dropped;
        label.setName("status");
    }

    JLabel label() {
        return label;
    }

    /** Reads the store again and shows the chart's state. */
    void refresh(boolean replay, boolean paused, boolean zoomed) {
        String text = text(store.usage(), store.retention(), dropped.getAsLong(), replay, paused, zoomed);
        label.setText(text);
        label.setToolTipText(text);
    }

    static String text(StoreUsage usage, int retention, long dropped, boolean replay, boolean paused, boolean zoomed) {
        StringBuilder text = new StringBuilder();
        text.append(usage.series()).append(" series · ")
                .append(Quantities.count(usage.points())).append(" points · ")
                .append(ByteSize.of(usage.bytes())).append(" · retention ")
                .append(Quantities.count(retention)).append(" per series");
        if (dropped > 0) {
            text.append(" · dropped ").append(Quantities.count(dropped));
        }
        if (replay) {
            text.append(" · replay");
        }
        if (paused) {
            text.append(" · paused");
        } else if (zoomed) {
            text.append(" · zoomed (Reset zoom to scroll)");
        }
        return text.toString();
    }
}
