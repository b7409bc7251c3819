package io.fieldbench.recorder.export;

import java.nio.file.Path;
import java.util.List;

/**
 * What to export.
 *
 * @param devices  device ids to include; empty: every device
 * @param channels channel names to include; empty: every channel
 * @param range    the received times to include
 * @param target   the CSV file to write
 * @param format   wide (one row per sample, one column per channel) or long (one row per value)
 */
public record ExportRequest(List<String> devices, List<String> channels, TimeRange range, Path target, Format format) {

    public ExportRequest {
        devices = List.copyOf(devices);
        channels = List.copyOf(channels);
    }

    /** The CSV's shape. */
    public enum Format {
        WIDE, LONG;

        public static Format of(String name) {
            return switch (name.trim().toLowerCase(java.util.Locale.ROOT)) {
                case "wide", "" -> WIDE;
                case "long" -> LONG;
                default -> throw new IllegalArgumentException("format '" + name + "': wide or long");
            };
        }
    }

    boolean wants(String device) {
        return devices.isEmpty() || devices.contains(device);
    }
}
