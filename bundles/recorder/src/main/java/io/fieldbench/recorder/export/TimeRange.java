package io.fieldbench.recorder.export;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A half-open time range [from, to): a sample at {@code from} is in it, one at {@code to} is not.
 * Ends are written as ISO 8601 ({@code 2026-11-22T10:00:00Z}, with an offset, or local without
 * one, or a bare date for its midnight), relative to now ({@code -10m}, {@code -2h}, {@code -30s},
 * {@code -1d}), {@code now}, or empty for open.
 */
public record TimeRange(Instant from, Instant to) {

    private static final Pattern RELATIVE = Pattern.compile("-(\\d+)(ms|s|m|h|d)");

    public static final TimeRange ALL = new TimeRange(Instant.MIN, Instant.MAX);

    public static TimeRange parse(String from, String to, Instant now, ZoneId zone) {
        return new TimeRange(end(from, Instant.MIN, now, zone), end(to, Instant.MAX, now, zone));
    }

    public boolean contains(Instant at) {
        return !at.isBefore(from) && at.isBefore(to);
    }

    /** One end; {@code open} when the text is empty. */
    public static Instant end(String text, Instant open, Instant now, ZoneId zone) {
        String value = text == null ? "" : text.trim();
        if (value.isEmpty()) {
            return open;
        }
        if (value.equals("now")) {
            return now;
        }
        Matcher relative = RELATIVE.matcher(value);
        if (relative.matches()) {
            long amount = Long.parseLong(relative.group(1));
            Duration back = switch (relative.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                default -> Duration.ofDays(amount);
            };
            return now.minus(back);
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            // not UTC; try the others
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            // no offset
        }
        try {
            return LocalDateTime.parse(value).atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            // no time
        }
        try {
            return LocalDate.parse(value).atStartOfDay(zone).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + value + "' is no time: use ISO 8601 (2026-11-22T10:00:00Z),"
                    + " a relative time (-10m, -2h, -30s, -1d) or now");
        }
    }
}
