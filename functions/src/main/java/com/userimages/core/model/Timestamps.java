package com.userimages.core.model;

import com.userimages.core.error.ApiException;
import com.userimages.core.error.ErrorCode;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Timestamps are stored in UTC at second precision in a fixed-width form, so that string order on
 * the LSI's sort key is time order. Years outside 0001..9999 would break the fixed width: refused.
 */
public final class Timestamps {
    private static final DateTimeFormatter STORED = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);
    private static final Instant MIN = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant MAX = Instant.parse("9999-12-31T23:59:59Z");
    /** date T time [.fraction] (Z | sign HH:MM), ASCII digits only; ranges are checked after the match. */
    private static final Pattern GRAMMAR = Pattern.compile(
            "([0-9]{4})-([0-9]{2})-([0-9]{2})[Tt]([0-9]{2}):([0-9]{2}):([0-9]{2})(?:\\.[0-9]{1,9})?"
                    + "(?:[Zz]|([+-])([0-9]{2}):([0-9]{2}))");
    /** The longest form the grammar allows. */
    private static final int MAX_LENGTH = "0000-00-00T00:00:00.000000000+00:00".length();

    private Timestamps() {}

    /**
     * API.md's grammar (RFC 3339's date-time): {@code yyyy-MM-ddTHH:mm:ss}, an optional fraction of 1
     * to 9 digits, then {@code Z} or {@code ±HH:MM} up to 18:00 ({@code T}/{@code Z} in either case);
     * fractions are dropped. Nothing ISO-8601 allows beyond that (no missing seconds, no offset
     * seconds, no empty fraction, no leap second) is accepted.
     */
    public static String normalize(String raw, String field) {
        Instant instant = parse(raw, field);
        return STORED.format(instant);
    }

    private static Instant parse(String raw, String field) {
        if (raw == null || raw.length() > MAX_LENGTH) throw invalid(field);
        Matcher m = GRAMMAR.matcher(raw);
        if (!m.matches()) throw invalid(field);
        Instant instant;
        try {
            LocalDateTime local = LocalDateTime.of(number(m, 1), number(m, 2), number(m, 3),
                    number(m, 4), number(m, 5), number(m, 6));
            ZoneOffset offset = ZoneOffset.UTC;
            if (m.group(7) != null) {
                int hours = number(m, 8);
                int minutes = number(m, 9);
                if (hours > 18 || minutes > 59 || (hours == 18 && minutes > 0)) throw invalid(field);
                int sign = m.group(7).equals("-") ? -1 : 1;
                offset = ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes);
            }
            instant = local.toInstant(offset);
        } catch (DateTimeException e) {
            // Month 13, February 30th, hour 24, second 60 and the like.
            throw invalid(field);
        }
        if (!storable(instant)) throw invalid(field);
        return instant;
    }

    private static int number(Matcher m, int group) {
        return Integer.parseInt(m.group(group));
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
        return new ApiException.BadRequest(ErrorCode.INVALID_TIMESTAMP,
                field + " must be an RFC 3339 instant with an offset, e.g. 2026-01-31T12:00:00Z.");
    }
}
