package com.userimages.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.userimages.core.error.ApiException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * API.md's timestamp grammar, exactly: each form it names as refused, and the edges it allows; every
 * accepted form is stored as UTC seconds in the fixed-width form.
 */
class TimestampGrammarTest {
    @ParameterizedTest
    @CsvSource({
            "2024-01-01t00:00:00z, 2024-01-01T00:00:00Z",
            "2024-01-01T00:00:00z, 2024-01-01T00:00:00Z",
            "2024-01-01t00:00:00Z, 2024-01-01T00:00:00Z",
            "2024-01-01T00:00:00.1Z, 2024-01-01T00:00:00Z",
            "2024-01-01T00:00:00.123456789Z, 2024-01-01T00:00:00Z",
            "2024-01-01T18:00:00+18:00, 2024-01-01T00:00:00Z",
            "2024-01-01T00:00:00-18:00, 2024-01-01T18:00:00Z",
            "2024-01-01T05:30:00+05:30, 2024-01-01T00:00:00Z",
            "2024-02-29T23:59:59Z, 2024-02-29T23:59:59Z",
            "9999-12-31T23:59:59.999999999Z, 9999-12-31T23:59:59Z",
            // Local year 0000, but the instant in UTC is in year 0001: API.md judges the UTC instant.
            "0000-12-31T23:00:00-01:00, 0001-01-01T00:00:00Z",
            "2024-06-15T12:00:00+00:00, 2024-06-15T12:00:00Z",
            // The everyday forms, each normalized to UTC seconds.
            "2026-01-31T12:00:00Z, 2026-01-31T12:00:00Z",
            "2026-01-31T12:00:00.999999999Z, 2026-01-31T12:00:00Z",
            "2026-01-31T14:00:00+02:00, 2026-01-31T12:00:00Z",
            "2026-01-01T00:30:00.5-01:00, 2026-01-01T01:30:00Z",
            "2025-12-31T23:59:59-00:00, 2025-12-31T23:59:59Z",
            "0001-01-01T00:00:00Z, 0001-01-01T00:00:00Z"})
    void acceptsTheGrammarsEdges(String raw, String stored) {
        assertEquals(stored, Timestamps.normalize(raw, "timestamp"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            // The forms the attack found accepted.
            "2024-01-01T00:00:00+05:30:15",     // offset seconds
            "2024-01-01T00:00:00.Z",            // empty fraction
            "2024-01-01T00:00Z",                // no seconds
            // Every other refused form API.md names.
            "2024-12-31T23:59:60Z",             // leap second
            "2024-01-01T00:00:00.1234567890Z",  // fraction of 10 digits
            "2024-01-01T00:00:00+18:01",        // beyond ±18:00
            "2024-01-01T00:00:00+19:00",
            "2024-01-01T00:00:00-18:30",
            "2024-01-01T00:00:00+05",           // offset without minutes
            "2024-01-01T00:00:00+0530",         // offset without colon
            "2024-01-01T00:00:00+05:60",
            "2024-01-01T00:00:00",              // no offset
            "2026-01-31T12:00:00",
            "2024-01-01 00:00:00Z",             // space instead of T
            "2024-01-01_00:00:00Z",
            "2026-01-31 12:00:00Z",
            "2024-1-01T00:00:00Z",              // short fields
            "2024-01-1T00:00:00Z",
            "2024-01-01T0:00:00Z",
            "+2024-01-01T00:00:00Z",            // signed year
            "12024-01-01T00:00:00Z",            // five-digit year
            "0000-01-01T00:00:00Z",             // year 0 in UTC
            "0001-01-01T00:00:00+00:01",        // before 0001 in UTC
            "9999-12-31T23:59:59-00:01",        // after 9999 in UTC
            "2024-13-01T00:00:00Z",             // month 13
            "2024-00-01T00:00:00Z",
            "2026-13-01T00:00:00Z",
            "2023-02-29T00:00:00Z",             // not a leap year
            "2024-04-31T00:00:00Z",
            "2024-01-01T24:00:00Z",             // hour 24
            "2024-01-01T00:60:00Z",
            "2024-01-01T00:00:00ZZ",
            "2024-01-01T00:00:00Z ",            // trailing / leading space
            " 2024-01-01T00:00:00Z",
            "2024-01-01T00:00:00Z\n",
            "2024-01-01T00:00:00,5Z",           // comma fraction
            "2024-01-01T00:00:00UTC",
            "2024-01-01T00:00:00+05:30[Asia/Kolkata]",
            "２０２４-01-01T00:00:00Z",            // non-ASCII digits
            "2024-01-01T00:00:00\u0000Z",
            "2024-W01-1T00:00:00Z",
            "2024-001T00:00:00Z",
            "2024-01-01",
            "2026-01-31", "12:00:00Z",          // a date or a time alone
            "+10000-01-01T00:00:00Z",           // beyond year 9999
            "", "Z", "now", "1704067200"})
    void refusesEveryOtherForm(String raw) {
        ApiException e = assertThrows(ApiException.class, () -> Timestamps.normalize(raw, "timestamp"));
        assertEquals(400, e.status());
        assertEquals("INVALID_TIMESTAMP", e.code());
    }

    @org.junit.jupiter.api.Test
    void refusesNullAndHugeInputCheaply() {
        assertThrows(ApiException.class, () -> Timestamps.normalize(null, "from"));
        assertThrows(ApiException.class, () -> Timestamps.normalize("2024-01-01T00:00:00." + "1".repeat(100_000) + "Z", "from"));
    }
}
