package io.fieldbench.chart.internal;

/**
 * What the sample store holds, for the status line of the chart views.
 *
 * @param series   series that received points
 * @param points   points retained now
 * @param bytes    memory the rings hold
 * @param evicted  points dropped because their series reached its retention
 * @param appended points received since start
 */
public record StoreUsage(int series, long points, long bytes, long evicted, long appended) {
}
