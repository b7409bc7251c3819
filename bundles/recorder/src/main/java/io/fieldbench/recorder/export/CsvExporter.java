package io.fieldbench.recorder.export;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleConsumer;

import io.fieldbench.api.sample.Sample;
import io.fieldbench.recorder.format.RecordingFile;
import io.fieldbench.recorder.format.Recordings;
import io.fieldbench.support.AtomicFiles;
import io.fieldbench.support.CsvTime;

/**
 * Writes the samples of a recording as CSV: {@code time} (ISO 8601 in local time with the offset,
 * to the millisecond: {@link CsvTime}), {@code epoch_ms}, {@code device}, then one column per
 * channel (wide) or {@code channel,value} (long). {@code epoch_ms} stays beside the readable time
 * for tools: a plain number sorts, subtracts and plots without parsing a zone, and joins with
 * other logs kept in Unix milliseconds. Values are written with Java's shortest exact double
 * text, so reading them back gives the recorded double. The file appears whole or not at all:
 * written beside the target, then moved into place.
 */
public final class CsvExporter {

    /** What an export wrote. */
    public record Result(long samples, long rows, Path target) {
        public String text() {
            return "exported " + samples + " samples (" + rows + " rows) to " + target;
        }
    }

    private final Recordings recordings;
    private final CsvTime time;

    /** An exporter that writes times in this zone (the bench's own, for a person at the bench). */
    public CsvExporter(Recordings recordings, ZoneId zone) {
        this.recordings = recordings;
        this.time = new CsvTime(zone);
    }

    /**
     * Exports; reports progress from 0 to 1 (two passes in wide format without named channels:
     * the first finds the columns). Stops early, leaving no file, when {@code cancelled} says so.
     */
    public Result export(ExportRequest request, DoubleConsumer progress, BooleanSupplier cancelled) throws IOException {
        TimeRange range = request.range();
        List<RecordingFile> files = recordings.sampleFiles(range.from(), range.to());
        long total = Math.max(1, Recordings.bytes(files));
        List<String> columns = new ArrayList<>(request.channels());
        boolean twoPasses = request.format() == ExportRequest.Format.WIDE && columns.isEmpty();
        double share = twoPasses ? 0.5 : 1.0;
        if (twoPasses) {
            TreeSet<String> found = new TreeSet<>();
            Recordings.read(files, range.from(), range.to(), sample -> {
                if (request.wants(sample.deviceId())) {
                    found.addAll(sample.channels().keySet());
                }
                return !cancelled.getAsBoolean();
            }, bytes -> progress.accept(share * bytes / total));
            columns.addAll(found);
        }
        Path target = request.target().toAbsolutePath();
        if (target.getParent() != null) {
            Files.createDirectories(target.getParent());
        }
        Path partial = target.resolveSibling(target.getFileName() + ".partial");
        long[] counts = new long[2];
        try (BufferedWriter out = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
            header(out, request.format(), columns);
            double offset = 1 - share;
            Recordings.read(files, range.from(), range.to(), sample -> {
                if (request.wants(sample.deviceId())) {
                    counts[0]++;
                    counts[1] += request.format() == ExportRequest.Format.WIDE ? wide(out, sample, columns) : longRows(out, sample, columns);
                }
                return !cancelled.getAsBoolean();
            }, bytes -> progress.accept(offset + share * bytes / total));
        }
        if (cancelled.getAsBoolean()) {
            Files.deleteIfExists(partial);
            throw new IOException("export cancelled");
        }
        AtomicFiles.replace(partial, target);
        progress.accept(1);
        return new Result(counts[0], counts[1], target);
    }

    private static void header(BufferedWriter out, ExportRequest.Format format, List<String> columns) throws IOException {
        out.write("time,epoch_ms,device");
        if (format == ExportRequest.Format.WIDE) {
            for (String column : columns) {
                out.write(',');
                out.write(Csv.field(column));
            }
        } else {
            out.write(",channel,value");
        }
        out.write('\n');
    }

    private void time(BufferedWriter out, Sample sample) throws IOException {
        Instant at = sample.receivedAt();
        out.write(time.text(at));
        out.write(',');
        out.write(Long.toString(at.toEpochMilli()));
        out.write(',');
        out.write(Csv.field(sample.deviceId()));
    }

    private int wide(BufferedWriter out, Sample sample, List<String> columns) throws IOException {
        time(out, sample);
        for (String column : columns) {
            out.write(',');
            Double value = sample.channels().get(column);
            if (value != null) {
                out.write(Double.toString(value));
            }
        }
        out.write('\n');
        return 1;
    }

    private int longRows(BufferedWriter out, Sample sample, List<String> columns) throws IOException {
        int rows = 0;
        for (Map.Entry<String, Double> channel : new java.util.TreeMap<>(sample.channels()).entrySet()) {
            if (columns.isEmpty() || columns.contains(channel.getKey())) {
                time(out, sample);
                out.write(',');
                out.write(Csv.field(channel.getKey()));
                out.write(',');
                out.write(Double.toString(channel.getValue()));
                out.write('\n');
                rows++;
            }
        }
        return rows;
    }
}
