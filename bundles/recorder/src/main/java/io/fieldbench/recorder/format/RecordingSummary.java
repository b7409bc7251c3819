package io.fieldbench.recorder.format;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import io.fieldbench.recorder.format.RecordFormat.Kind;

/**
 * One recording file as the Recordings view and {@code rec:list} show it: size, records, time
 * span, devices (or sources, for datagrams), and damage found. Reading it reads the whole file.
 *
 * @param file    the file
 * @param bytes   its size
 * @param records its good records
 * @param first   the first record's time, if any
 * @param last    the last record's time, if any
 * @param devices device ids (samples) or source endpoints (datagrams)
 * @param problem what ends the readable part early; empty for a clean file
 */
public record RecordingSummary(RecordingFile file, long bytes, long records, Optional<Instant> first, Optional<Instant> last,
        Set<String> devices, String problem) {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    public static RecordingSummary of(RecordingFile file, ZoneId zone) throws IOException {
        Instant[] span = new Instant[2];
        Set<String> devices = new TreeSet<>();
        RecordScan scan = RecordFileReader.read(file.path(), file.kind(), (body, end) -> {
            Instant at;
            if (file.kind() == Kind.SAMPLES) {
                var sample = SampleCodec.decode(body);
                at = sample.receivedAt();
                devices.add(sample.deviceId());
            } else {
                var datagram = DatagramCodec.decode(body);
                at = datagram.receivedAt();
                devices.add(datagram.endpoint());
            }
            if (span[0] == null) {
                span[0] = at;
            }
            span[1] = at;
            return true;
        });
        return new RecordingSummary(file, Files.size(file.path()), scan.records(), Optional.ofNullable(span[0]),
                Optional.ofNullable(span[1]), devices, scan.problem());
    }

    /** The time span in local time, {@code 10:00:00–10:59:59}, or empty. */
    public String span(ZoneId zone) {
        if (first.isEmpty()) {
            return "";
        }
        return TIME.format(first.get().atZone(zone)) + "–" + TIME.format(last.get().atZone(zone));
    }

    public String line() {
        ZoneId zone = ZoneId.systemDefault();
        return file.path().getFileName() + "  " + bytes + " bytes  " + records + " " + file.kind().fileName() + "  "
                + span(zone) + "  " + devices.size() + " " + (file.kind() == Kind.SAMPLES ? "devices" : "sources")
                + (devices.isEmpty() ? "" : " (" + String.join(",", devices.stream().limit(5).toList())
                        + (devices.size() > 5 ? ",…" : "") + ")")
                + (problem.isEmpty() ? "" : "  [" + problem + "]");
    }
}
