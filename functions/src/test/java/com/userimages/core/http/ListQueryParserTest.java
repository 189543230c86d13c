package com.userimages.core.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.userimages.core.error.ApiException;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ListQueryParserTest {
    @ParameterizedTest
    @CsvSource({
            "limit, '5,6', INVALID_LIMIT",
            "minImages, '1,1', INVALID_MIN_IMAGES",
            "order, 'asc,asc', INVALID_ORDER",
            "from, '2026-01-01T00:00:00Z,2026-01-02T00:00:00Z', INVALID_TIMESTAMP",
            "to, '2026-01-01T00:00:00Z,2026-01-01T00:00:00Z', INVALID_TIMESTAMP",
            "nextToken, 'abc,abc', INVALID_TOKEN"})
    void aRepeatedParameterSaysSoWithTheCodeItsValueWouldHaveGot(String name, String joined, String code) {
        ApiException e = assertThrows(ApiException.class, () -> ListQueryParser.parse(Map.of(name, joined), Set.of(name)));
        assertEquals(400, e.status());
        assertEquals(code, e.code());
        assertEquals(name + " appears more than once in the query string; send it once.", e.getMessage());
    }

    @Test
    void withSeveralFaultsTheFirstParameterInTheUsualOrderIsReported() {
        // limit is judged before order whether it is malformed or repeated, as before.
        assertEquals("INVALID_LIMIT", refusal(Map.of("limit", "ten", "order", "asc,asc"), Set.of("order")).code());
        assertEquals("INVALID_LIMIT", refusal(Map.of("limit", "5,5", "order", "sideways"), Set.of("limit")).code());
        // An unknown parameter still comes first.
        assertEquals("UNKNOWN_PARAMETER", refusal(Map.of("limit", "5,5", "Order", "asc"), Set.of("limit")).code());
    }

    @Test
    void withoutTheRawQueryStringAJoinedValueFailsAsBefore() {
        ApiException e = refusal(Map.of("limit", "5,6"), Set.of());
        assertEquals("INVALID_LIMIT", e.code());
        assertEquals("limit must be a whole number from 1 to 100.", e.getMessage());
    }

    @Test
    void anUnknownParameterDifferingOnlyInCaseNamesTheKnownOne() {
        assertEquals("Unknown query parameter: \"minimages\"; did you mean \"minImages\"?",
                refusal(Map.of("minimages", "3"), Set.of()).getMessage());
        assertEquals("Unknown query parameter: \"userId\".", refusal(Map.of("userId", "bob"), Set.of()).getMessage());
    }

    @Test
    void aTimestampInTheQueryStringEchoesItAndHintsAtPercent2B() {
        ApiException e = refusal(Map.of("from", "2026-01-31T14:00:00 02:00"), Set.of());
        assertEquals("INVALID_TIMESTAMP", e.code());
        String m = e.getMessage();
        assertTrue(m.startsWith("from must be "), m);
        assertTrue(m.endsWith(" Received \"2026-01-31T14:00:00 02:00\". In a query string an unencoded + arrives as a space: send it as %2B."), m);
    }

    private static ApiException refusal(Map<String, String> parameters, Set<String> repeated) {
        return assertThrows(ApiException.class, () -> ListQueryParser.parse(parameters, repeated));
    }
}
