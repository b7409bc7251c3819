package io.fieldbench.recorder.console;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;

import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.Parameter;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.fieldbench.recorder.export.CsvExporter;
import io.fieldbench.recorder.export.ExportRequest;
import io.fieldbench.recorder.export.TimeRange;
import io.fieldbench.recorder.internal.DataFolder;
import io.fieldbench.recorder.internal.Recorder;

/** {@code fb:export}: recorded samples to a CSV file (a relative name in the data folder), on the console's thread. */
@Component(service = ExportCommand.class, property = {
        "osgi.command.scope=fb",
        "osgi.command.function=export" })
public class ExportCommand {

    private static final String NONE = "";

    @Reference
    private Recorder recorder;

    private Path folder;

    @Activate
    void activate(BundleContext context) {
        folder = DataFolder.of(context);
    }

    @Descriptor("writes recorded samples to CSV: time (ISO 8601, local, with the offset), epoch_ms, device, one column"
            + " per channel (wide) or channel,value (long); the range is [from, to)")
    public String export(
            @Descriptor("device ids, comma separated; default all") @Parameter(names = "--devices", absentValue = NONE) String devices,
            @Descriptor("channel names, comma separated; default all") @Parameter(names = "--channels", absentValue = NONE) String channels,
            @Descriptor("start: ISO 8601 (2026-11-22T10:00:00Z) or relative (-10m, -2h, -1d); default the first sample")
            @Parameter(names = "--from", absentValue = NONE) String from,
            @Descriptor("end, not included: as --from, or now; default after the last sample") @Parameter(names = "--to", absentValue = NONE) String to,
            @Descriptor("wide or long") @Parameter(names = "--format", absentValue = "wide") String format,
            @Descriptor("the CSV file to write; a relative name is in the data folder") String file) {
        try {
            ExportRequest request = new ExportRequest(list(devices), list(channels),
                    TimeRange.parse(from, to, Instant.now(), ZoneId.systemDefault()), folder.resolve(file), ExportRequest.Format.of(format));
            return new CsvExporter(recorder.recordings(), ZoneId.systemDefault()).export(request, progress -> { }, () -> false).text();
        } catch (IllegalArgumentException | IOException e) {
            return "error: " + e.getMessage();
        }
    }

    static List<String> list(String commaSeparated) {
        return Arrays.stream(commaSeparated.split(",")).map(String::trim).filter(name -> !name.isEmpty()).toList();
    }
}
