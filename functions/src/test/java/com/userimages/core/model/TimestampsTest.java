package com.userimages.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.userimages.core.error.ApiException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TimestampsTest {
    @ParameterizedTest
    @CsvSource({
            "2026-01-31T12:00:00Z, 2026-01-31T12:00:00Z",
            "2026-01-31T12:00:00.999999999Z, 2026-01-31T12:00:00Z",
            "2026-01-31T14:00:00+02:00, 2026-01-31T12:00:00Z",
            "2026-01-01T00:30:00.5-01:00, 2026-01-01T01:30:00Z",
            "2025-12-31T23:59:59-00:00, 2025-12-31T23:59:59Z",
            "0001-01-01T00:00:00Z, 0001-01-01T00:00:00Z"})
    void normalizesToUtcSecondsInTheFixedWidthForm(String raw, String stored) {
        assertEquals(stored, Timestamps.normalize(raw, "timestamp"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-01-31T12:00:00", "2026-01-31", "12:00:00Z", "2026-13-01T00:00:00Z",
            "+10000-01-01T00:00:00Z", "2026-01-31 12:00:00Z", "", "now"})
    void refusesWhatIsNotAnInstantWithAnOffsetInRange(String raw) {
        ApiException e = assertThrows(ApiException.class, () -> Timestamps.normalize(raw, "timestamp"));
        assertEquals(400, e.status());
    }
}
