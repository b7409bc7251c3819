package io.fieldbench.chart.ui;

import java.util.ArrayList;
import java.util.List;

import io.fieldbench.chart.internal.SeriesKey;
import io.fieldbench.chart.internal.SeriesPoints;

/**
 * The drawn series parted between the two value axes: those the user put on the right axis, and
 * the rest on the left, each in the order they were checked.
 *
 * @param leftKeys    the series drawn against the left axis
 * @param leftPoints  their points, index for index
 * @param rightKeys   the series drawn against the right axis
 * @param rightPoints their points, index for index
 */
record AxisSplit(List<SeriesKey> leftKeys, List<SeriesPoints> leftPoints, List<SeriesKey> rightKeys,
        List<SeriesPoints> rightPoints) {

    AxisSplit {
        leftKeys = List.copyOf(leftKeys);
        leftPoints = List.copyOf(leftPoints);
        rightKeys = List.copyOf(rightKeys);
        rightPoints = List.copyOf(rightPoints);
    }

    /** Parts the series (and their points, index for index) as the selection places them. */
    static AxisSplit of(ChartSelection selection, List<SeriesKey> keys, List<SeriesPoints> points) {
        List<SeriesKey> leftKeys = new ArrayList<>();
        List<SeriesPoints> leftPoints = new ArrayList<>();
        List<SeriesKey> rightKeys = new ArrayList<>();
        List<SeriesPoints> rightPoints = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            boolean onRight = selection.onRight(keys.get(i));
            (onRight ? rightKeys : leftKeys).add(keys.get(i));
            (onRight ? rightPoints : leftPoints).add(points.get(i));
        }
        return new AxisSplit(leftKeys, leftPoints, rightKeys, rightPoints);
    }

    /** Whether the right axis is in use. */
    boolean twoAxes() {
        return !rightKeys.isEmpty();
    }
}
