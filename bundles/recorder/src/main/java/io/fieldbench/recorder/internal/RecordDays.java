package io.fieldbench.recorder.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The local day of a record's time, which names the file it goes to. Records come in time order,
 * so the day found last is nearly always the answer: it is kept with the seconds it spans, and the
 * time zone's rules (a search among its transitions for a zone with summer time) are asked again
 * only for a record outside them.
 */
final class RecordDays {

    private final ZoneId zone;
    private LocalDate day;
    /** The epoch seconds of the day's start and of the next day's start. */
    private long start;
    private long end;

    RecordDays(ZoneId zone) {
        this.zone = zone;
    }

    LocalDate of(Instant at) {
        long second = at.getEpochSecond();
        if (day == null || second < start || second >= end) {
            day = LocalDate.ofInstant(at, zone);
            start = day.atStartOfDay(zone).toEpochSecond();
            end = day.plusDays(1).atStartOfDay(zone).toEpochSecond();
        }
        return day;
    }
}
