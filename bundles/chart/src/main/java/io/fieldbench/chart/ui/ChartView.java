package io.fieldbench.chart.ui;

import javax.swing.JComponent;
import javax.swing.SwingUtilities;

import io.fieldbench.api.workbench.WorkbenchView;

/**
 * One chart view, {@code chart-N}. Registered by {@link ChartViews} from code rather than by DS,
 * since the user decides how many there are.
 */
final class ChartView implements WorkbenchView {

    private final String id;
    private final ChartViews views;
    private volatile ChartPane pane;

    ChartView(String id, ChartViews views) {
        this.id = id;
        this.views = views;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String title() {
        return "Chart " + id.substring(ChartBook.ID_PREFIX.length());
    }

    @Override
    public JComponent createComponent() {
        ChartPane created = new ChartPane(views, views.selection(id));
        pane = created;
        return created;
    }

    /** Stops the pane's timer, if the view was ever shown. */
    void stop() {
        ChartPane shown = pane;
        pane = null;
        if (shown != null) {
            SwingUtilities.invokeLater(shown::stop);
        }
    }
}
