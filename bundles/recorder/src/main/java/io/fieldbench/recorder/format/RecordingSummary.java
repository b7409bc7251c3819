package io.fieldbench.recorder.format;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Collections;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import io.fieldbench.recorder.format.RecordFormat.Kind;

/**
 * One recording file as the Recordings view and {@code rec:list} show it: size, records, time
 * span, devices (or sources, for datagrams), and damage found. Reading it reads the whole file;
 * {@link #updated()} reads only what a growing file gained.
 *
 * @param file       the file
 * @param bytes      its size
 * @param records    its good records
 * @param first      the first record's time, if any
 * @param last       the last record's time, if any
 * @param devices    device ids (samples) or source endpoints (datagrams)
 * @param problem    what ends the readable part early; empty for a clean file
 * @param validBytes where its good records end, and reading on begins
 */
public record RecordingSummary(RecordingFile file, long bytes, long records, Optional<Instant> first, Optional<Instant> last,
        Set<String> devices, String problem, long validBytes) {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    public RecordingSummary {
        devices = Collections.unmodifiableSet(new TreeSet<>(devices));
    }

    public static RecordingSummary of(RecordingFile file, ZoneId zone) throws IOException {
        return new RecordingSummary(file, 0, 0, Optional.empty(), Optional.empty(), Set.of(), "", RecordFormat.HEADER_BYTES)
                .readOn();
    }

    /**
     * The file as it is now: this summary when its size is unchanged, the records appended since
     * added to it when it grew (recordings are only appended to), read again when it shrank.
     */
    public RecordingSummary updated() throws IOException {
        long size = Files.size(file.path());
        if (size == bytes) {
            return this;
        }
        return size > bytes ? readOn() : of(file, ZoneId.systemDefault());
    }

    private RecordingSummary readOn() throws IOException {
        Instant[] span = {first.orElse(null), last.orElse(null)};
        Set<String> seen = new TreeSet<>(devices);
        RecordScan scan = RecordFileReader.readFrom(file.path(), file.kind(), validBytes, (body, end) -> {
            Instant at;
            if (file.kind() == Kind.SAMPLES) {
                var sample = SampleCodec.decode(body);
                at = sample.receivedAt();
                seen.add(sample.deviceId());
            } else {
                var datagram = DatagramCodec.decode(body);
                at = datagram.receivedAt();
                seen.add(datagram.endpoint());
            }
            if (span[0] == null) {
                span[0] = at;
            }
            span[1] = at;
            return true;
        });
        return new RecordingSummary(file, scan.fileBytes(), records + scan.records(), Optional.ofNullable(span[0]),
                Optional.ofNullable(span[1]), seen, scan.problem(), Math.max(RecordFormat.HEADER_BYTES, scan.validBytes()));
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
