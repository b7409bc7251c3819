package io.fieldbench.chart.ui;

import java.util.List;
import java.util.concurrent.Executor;

import io.fieldbench.chart.internal.SeriesKey;
import io.fieldbench.chart.internal.SeriesStore;

/** What a chart pane needs from the bundle: the data, the list of channels, and the book of charts. */
interface ChartHost {

    SeriesStore store();

    /** Every known device channel: those the store has points of and those the registry lists. */
    List<SeriesKey> channels();

    /** Samples the feed dropped because it fell behind. */
    long dropped();

    /** Where decimation and export run, off the EDT. */
    Executor worker();

    /** Remembers a chart's new selection. */
    void selectionChanged(ChartSelection selection);

    /** Opens another chart view. */
    void openChart();

    /** Closes this chart view for good (the shell's tab close only hides it). */
    void closeChart(String id);
}
