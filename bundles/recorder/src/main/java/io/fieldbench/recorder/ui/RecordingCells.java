package io.fieldbench.recorder.ui;

import java.time.ZoneId;

import io.fieldbench.recorder.format.RecordingSummary;
import io.fieldbench.support.ByteSize;
import io.fieldbench.view.support.RowsModel;

/** The recordings as table rows: file, day, kind, size, records, time span, devices, problem. */
final class RecordingCells {

    static final int FILE = 0;
    static final int RECORDS = 4;
    static final int DEVICES = 6;
    private static final String[] COLUMNS = {"File", "Day", "Kind", "Size", "Records", "Time span", "Devices", "Problem"};

    private RecordingCells() {
    }

    /** A model of these columns, the record counts sorted as numbers. */
    static RowsModel<RecordingSummary> model() {
        return new RowsModel<RecordingSummary>(RecordingCells::cell, COLUMNS).withColumnClass(RECORDS, Long.class);
    }

    private static Object cell(RecordingSummary summary, int column) {
        return switch (column) {
            case FILE -> summary.file().path().getFileName().toString();
            case 1 -> summary.file().day().toString();
            case 2 -> summary.file().kind().fileName();
            case 3 -> ByteSize.of(summary.bytes());
            case RECORDS -> summary.records();
            case 5 -> summary.span(ZoneId.systemDefault());
            case DEVICES -> summary.devices().size() + ": " + String.join(", ", summary.devices());
            default -> summary.problem();
        };
    }
}
