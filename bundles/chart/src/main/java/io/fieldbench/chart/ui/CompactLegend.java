package io.fieldbench.chart.ui;

import java.awt.Graphics2D;

import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.LegendItemSource;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.block.RectangleConstraint;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.Size2D;

/**
 * The legend below a chart, never taller than {@value #MOST_HEIGHT_SHARE} of the chart: with more
 * series than fit, it shows the first ones and a last entry "+N more" (every channel is listed in
 * the channel drop-down), so that forty series leave the plot its height. On its figure's thread.
 */
final class CompactLegend extends LegendTitle {

    private static final long serialVersionUID = 1L;
    /** The most of the chart's height the legend may take. */
    static final double MOST_HEIGHT_SHARE = 0.15;

    private final CappedItems capped;

    CompactLegend(LegendItemSource plot) {
        this(new CappedItems(plot));
    }

    private CompactLegend(CappedItems capped) {
        super(capped);
        this.capped = capped;
        setMargin(new RectangleInsets(1, 1, 1, 1));
        setFrame(BlockBorder.NONE);
        setPosition(RectangleEdge.BOTTOM);
    }

    /** Arranges every entry, then, while too tall, fewer, in proportion to the height over. */
    @Override
    public Size2D arrange(Graphics2D g2, RectangleConstraint constraint) {
        capped.limit(Integer.MAX_VALUE);
        Size2D size = super.arrange(g2, constraint);
        double most = constraint.getHeight() * MOST_HEIGHT_SHARE;
        int shown = capped.count();
        while (size.height > most && shown > 1) {
            shown = Math.max(1, Math.min(shown - 1, (int) (shown * most / size.height)));
            capped.limit(shown);
            size = super.arrange(g2, constraint);
        }
        return size;
    }

    /** The entries the legend showed when last arranged, "+N more" included (a test hook). */
    LegendItemCollection shownItems() {
        return capped.getLegendItems();
    }

    /** The plot's legend entries, at most {@code limit}, the last of them then saying how many are left out. */
    private static final class CappedItems implements LegendItemSource {

        private final LegendItemSource plot;
        private int limit = Integer.MAX_VALUE;

        CappedItems(LegendItemSource plot) {
            this.plot = plot;
        }

        void limit(int entries) {
            limit = entries;
        }

        int count() {
            return plot.getLegendItems().getItemCount();
        }

        @Override
        public LegendItemCollection getLegendItems() {
            LegendItemCollection all = plot.getLegendItems();
            if (all.getItemCount() <= limit) {
                return all;
            }
            LegendItemCollection shown = new LegendItemCollection();
            for (int i = 0; i < limit - 1; i++) {
                shown.add(all.get(i));
            }
            LegendItem more = new LegendItem("+" + (all.getItemCount() - limit + 1) + " more");
            more.setShapeVisible(false);
            more.setLineVisible(false);
            shown.add(more);
            return shown;
        }
    }
}
