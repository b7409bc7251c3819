package io.fieldbench.support;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * A time as every CSV export of the bench writes it (recordings and charts) and the recorder's
 * export dialog proposes it: ISO 8601 in local time with the offset, to the millisecond
 * ({@code 2026-12-06T23:01:09.123+01:00}), which a person reads at a glance and spreadsheets and
 * the recorder's time ranges parse back.
 */
public final class CsvTime {

    private static final DateTimeFormatter ISO_MILLIS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSXXX");

    private final DateTimeFormatter format;

    public CsvTime(ZoneId zone) {
        format = ISO_MILLIS.withZone(zone);
    }

    public String text(Instant at) {
        return format.format(at);
    }
}
