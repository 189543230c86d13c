package com.userimages.core.model;

import com.userimages.core.error.ApiException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * Timestamps are stored in UTC at second precision in a fixed-width form, so that string order on
 * the LSI's sort key is time order. Years outside 0001..9999 would break the fixed width: refused.
 */
public final class Timestamps {
    private static final DateTimeFormatter STORED = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);
    private static final Instant MIN = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant MAX = Instant.parse("9999-12-31T23:59:59Z");

    private Timestamps() {}

    /** Parses any ISO-8601 instant with an offset; fractions are dropped. */
    public static String normalize(String raw, String field) {
        Instant instant = parse(raw, field);
        return STORED.format(instant);
    }

    private static Instant parse(String raw, String field) {
        if (raw == null) throw invalid(field);
        Instant instant;
        try {
            instant = OffsetDateTime.parse(raw, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            throw invalid(field);
        }
        instant = instant.truncatedTo(ChronoUnit.SECONDS);
        if (!storable(instant)) throw invalid(field);
        return instant;
    }

    /** Whether an instant fits the stored fixed-width form (years 0001..9999). */
    public static boolean storable(Instant instant) {
        return !instant.isBefore(MIN) && !instant.isAfter(MAX);
    }

    public static String format(Instant instant) {
        return STORED.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }

    public static String now(Clock clock) {
        return format(clock.instant());
    }

    private static ApiException invalid(String field) {
        return new ApiException.BadRequest("INVALID_TIMESTAMP",
                field + " must be an ISO-8601 instant with an offset, e.g. 2026-01-31T12:00:00Z.");
    }
}
