package com.userimages.core.pagination;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.userimages.core.error.ApiException;
import com.userimages.core.model.IndexKey;
import com.userimages.core.model.ListSelection;
import com.userimages.core.model.SortOrder;
import java.nio.charset.StandardCharsets;

/**
 * The page-token decoder against any string, and against genuine tokens with fuzzed edits: every
 * token that is not exactly one the codec issued for this caller and query is a 400 INVALID_TOKEN
 * (never another exception), and an issued token decodes to its own key. Regression inputs:
 * PageTokenFuzzTestInputs/.
 */
class PageTokenFuzzTest {
    private static final PageTokenCodec CODEC = new PageTokenCodec(
            PageTokenSecrets.of("fuzz-page-token-secret-0123456789", "fuzz-previous-secret-9876543210"));
    private static final ListSelection QUERY = new ListSelection(SortOrder.DESC, null, null, 0);
    private static final IndexKey KEY = new IndexKey("0b7a8e0e-0000-4000-8000-000000000001", "2026-01-01T00:00:00Z");
    private static final String GENUINE = CODEC.encode("alice", QUERY, KEY);

    @FuzzTest(maxDuration = "3m")
    void anyStringIsRefusedAsAToken(byte[] input) {
        // One char per byte: every ASCII spelling, and bytes beyond it, are reachable from plain seeds.
        String token = new String(input, StandardCharsets.ISO_8859_1);
        try {
            IndexKey key = CODEC.decode(token, "alice", QUERY);
            // Only the genuine spelling can decode; the codec accepts no other.
            assertEquals(GENUINE, token);
            assertEquals(KEY, key);
        } catch (ApiException e) {
            assertEquals("INVALID_TOKEN", e.code());
        }
    }

    @FuzzTest(maxDuration = "3m")
    void anEditedGenuineTokenIsRefused(FuzzedDataProvider data) {
        StringBuilder token = new StringBuilder(GENUINE);
        int edits = data.consumeInt(1, 4);
        for (int i = 0; i < edits && token.length() > 0; i++) {
            int at = data.consumeInt(0, token.length() - 1);
            switch (data.consumeInt(0, 2)) {
                case 0 -> token.setCharAt(at, data.consumeChar());
                case 1 -> token.deleteCharAt(at);
                default -> token.insert(at, data.consumeChar());
            }
        }
        String edited = token.toString();
        String user = data.consumeBoolean() ? "alice" : data.consumeRemainingAsString();
        try {
            IndexKey key = CODEC.decode(edited, user, QUERY);
            if (!edited.equals(GENUINE) || !user.equals("alice")) fail("an altered or foreign token decoded: " + edited);
            assertEquals(KEY, key);
        } catch (ApiException e) {
            assertEquals("INVALID_TOKEN", e.code());
        }
    }
}
