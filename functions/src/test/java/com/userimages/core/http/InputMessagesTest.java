package com.userimages.core.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.userimages.core.error.ApiException;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class InputMessagesTest {
    private static final Set<String> KNOWN = Set.of("limit", "minImages", "nextToken");

    @Test
    void aNameThatDiffersOnlyInCaseNamesTheKnownOne() {
        assertEquals("Unknown query parameter: \"minimages\"; did you mean \"minImages\"?",
                InputMessages.unknownName("Unknown query parameter", "minimages", KNOWN));
        assertEquals("Unknown query parameter: \"NEXTTOKEN\"; did you mean \"nextToken\"?",
                InputMessages.unknownName("Unknown query parameter", "NEXTTOKEN", KNOWN));
    }

    @Test
    void anyOtherNameIsOnlyEchoed() {
        assertEquals("Unknown query parameter: \"userId\".", InputMessages.unknownName("Unknown query parameter", "userId", KNOWN));
        // Close is not the same: only letter case counts.
        assertEquals("Unknown query parameter: \"minImage\".", InputMessages.unknownName("Unknown query parameter", "minImage", KNOWN));
        assertEquals("Unknown query parameter: \"min\\u000AImages\".",
                InputMessages.unknownName("Unknown query parameter", "min\nImages", KNOWN));
    }

    @Test
    void aValidTimestampIsNormalized() {
        assertEquals("2026-01-31T12:00:00Z", InputMessages.timestamp("2026-01-31T14:00:00+02:00", "from", true));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-01-31T14:00:00 02:00", "2026-01-31T14:00 02:00", "2026-01-31T14:00:00.5 0200", "2026-01-31T14:00:00 02"})
    void aSpaceWhereTheOffsetSignWouldBeGetsThePercent2BHintInAQueryString(String raw) {
        String message = refusal(raw, "from", true);
        assertTrue(message.startsWith("from must be"), message);
        assertTrue(message.contains(" Received \"" + raw + "\"."), message);
        assertTrue(message.endsWith(" In a query string an unencoded + arrives as a space: send it as %2B."), message);
    }

    @Test
    void theHintIsOnlyForAQueryStringAndOnlyWhereASignWouldBe() {
        String inBody = refusal("2026-01-31T14:00:00 02:00", "timestamp", false);
        assertTrue(inBody.endsWith("Received \"2026-01-31T14:00:00 02:00\"."), inBody);
        for (String raw : new String[] {"2026-01-31 12:00:00Z", "yesterday", "2026-01-31T12:00:00", " 2026-01-31T12:00:00Z"}) {
            String message = refusal(raw, "to", true);
            assertFalse(message.contains("%2B"), message);
            assertTrue(message.contains("Received \"" + raw + "\"."), message);
        }
    }

    @Test
    void whatWasReceivedIsEscapedAndCut() {
        String message = refusal("2026-01-31T12:00:00\u2028\u0000Z" + "9".repeat(10_000), "from", true);
        assertTrue(message.matches("[\\x20-\\x7e]*"), message);
        assertTrue(message.contains("Received \"2026-01-31T12:00:00\\u2028\\u0000Z"), message);
        assertTrue(message.contains("\"... (10022 characters)."), message);
        assertTrue(message.length() < 300, message);
    }

    private static String refusal(String raw, String field, boolean inQueryString) {
        ApiException e = assertThrows(ApiException.class, () -> InputMessages.timestamp(raw, field, inQueryString));
        assertEquals(400, e.status());
        assertEquals("INVALID_TIMESTAMP", e.code());
        return e.getMessage();
    }
}
