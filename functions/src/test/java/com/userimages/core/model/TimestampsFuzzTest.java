package com.userimages.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.userimages.core.error.ApiException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * The timestamp parser against any string: it refuses with INVALID_TIMESTAMP or returns the stored
 * form; and what it accepts, java.time's own ISO parser reads as the same instant (a differential
 * check of the hand-written grammar). Regression inputs: TimestampsFuzzTestInputs/.
 */
class TimestampsFuzzTest {
    @FuzzTest(maxDuration = "3m")
    void acceptsOnlyWhatIsAnInstantAndStoresIt(byte[] input) {
        // Raw bytes (not a typed String) so plain-text seeds guide the fuzzer past the grammar's regex.
        String raw = new String(input, StandardCharsets.UTF_8);
        String stored;
        try {
            stored = Timestamps.normalize(raw, "timestamp");
        } catch (ApiException e) {
            assertEquals("INVALID_TIMESTAMP", e.code());
            assertEquals(400, e.status());
            return;
        }
        assertTrue(stored.matches("[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z"), stored);
        var reference = OffsetDateTime.parse(raw.toUpperCase(Locale.ROOT), DateTimeFormatter.ISO_OFFSET_DATE_TIME)
                .toInstant().truncatedTo(ChronoUnit.SECONDS);
        assertEquals(Timestamps.format(reference), stored);
    }
}
