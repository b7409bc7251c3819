package io.fieldbench.recorder.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RecordDaysTest {

    /** Around a change to and from summer time; in São Paulo 2018 summer time began at midnight, which that day skipped. */
    @ParameterizedTest
    @ValueSource(strings = {"UTC", "Europe/Berlin", "America/Sao_Paulo", "Asia/Kolkata", "Pacific/Chatham"})
    void everyRecordGetsTheDayTheZoneGivesItsTime(String zoneName) {
        ZoneId zone = ZoneId.of(zoneName);
        RecordDays days = new RecordDays(zone);
        for (Instant from : new Instant[] {Instant.parse("2018-11-02T00:00:00Z"), Instant.parse("2026-03-27T00:00:00Z"),
                Instant.parse("2026-10-23T00:00:00Z")}) {
            for (Instant at = from; at.isBefore(from.plus(Duration.ofDays(4))); at = at.plusSeconds(17 * 60 + 1)) {
                assertEquals(LocalDate.ofInstant(at, zone), days.of(at), at + " in order");
                Instant earlier = at.minus(Duration.ofHours(13)); // a record out of order, such as a replayed one
                assertEquals(LocalDate.ofInstant(earlier, zone), days.of(earlier), earlier + " out of order");
            }
        }
    }
}
