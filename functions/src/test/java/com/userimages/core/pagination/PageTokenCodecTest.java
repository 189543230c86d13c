package com.userimages.core.pagination;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.userimages.contract.Setting;
import com.userimages.core.error.ApiException;
import com.userimages.core.model.IndexKey;
import com.userimages.core.model.ListSelection;
import com.userimages.core.model.SortOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** The token format on its own: no DynamoDB involved. */
class PageTokenCodecTest {
    private static final String SECRET = "codec-test-secret-0123456789abcdef";
    private static final String OTHER_SECRET = "codec-test-secret-fedcba9876543210";

    private final PageTokenCodec codec = new PageTokenCodec(PageTokenSecrets.of(SECRET, null));
    private final ListSelection query = new ListSelection(SortOrder.DESC, "2026-01-01T00:00:00Z", "2026-12-31T23:59:59Z", 3);
    private final IndexKey key = new IndexKey(UUID.randomUUID().toString(), "2026-06-15T08:30:00Z");

    @Test
    void roundTripsTheCursorAndIsCanonicalBase64UrlOf82Characters() {
        String token = codec.encode("alice", query, key);
        assertEquals(82, token.length());
        assertTrue(token.matches("[A-Za-z0-9_-]+"), token);
        assertEquals(key, codec.decode(token, "alice", query));
    }

    @Test
    void carriesNothingReadableAboutTheCallerOrTheKeys() {
        String token = codec.encode("alice@example.com", query, key);
        String bytes = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.ISO_8859_1);
        assertTrue(!bytes.contains("alice") && !bytes.contains(key.collectionId()) && !bytes.contains("2026"));
    }

    @Test
    void isBoundToCallerAndSelectionButNotToPageSize() {
        String token = codec.encode("alice", query, key);
        assertInvalid(() -> codec.decode(token, "bob", query));
        assertInvalid(() -> codec.decode(token, "alice ", query));
        assertInvalid(() -> codec.decode(token, "alice", new ListSelection(SortOrder.ASC, query.from(), query.to(), 3)));
        assertInvalid(() -> codec.decode(token, "alice", new ListSelection(SortOrder.DESC, null, query.to(), 3)));
        assertInvalid(() -> codec.decode(token, "alice", new ListSelection(SortOrder.DESC, query.from(), null, 3)));
        assertInvalid(() -> codec.decode(token, "alice", new ListSelection(SortOrder.DESC, query.from(), "2026-12-31T23:59:58Z", 3)));
        assertInvalid(() -> codec.decode(token, "alice", new ListSelection(SortOrder.DESC, query.from(), query.to(), 0)));
        assertInvalid(() -> codec.decode(token, "alice", new ListSelection(SortOrder.DESC, query.from(), query.to(), 4)));
    }

    @Test
    void openEndsAreDistinctFromAnyValue() {
        ListSelection open = new ListSelection(SortOrder.ASC, null, null, 0);
        String token = codec.encode("alice", open, key);
        assertEquals(key, codec.decode(token, "alice", open));
        assertInvalid(() -> codec.decode(token, "alice", new ListSelection(SortOrder.ASC, "", null, 0)));
        assertInvalid(() -> codec.decode(token, "alice", new ListSelection(SortOrder.ASC, null, "", 0)));
    }

    @Test
    void tokensOfThePreviousSecretVerifyAfterRotationAndNewOnesAreSignedWithTheNewSecret() {
        PageTokenCodec rotated = new PageTokenCodec(PageTokenSecrets.of(OTHER_SECRET, SECRET));
        PageTokenCodec previousDropped = new PageTokenCodec(PageTokenSecrets.of(OTHER_SECRET, null));
        String old = codec.encode("alice", query, key);
        assertEquals(key, rotated.decode(old, "alice", query));
        assertInvalid(() -> previousDropped.decode(old, "alice", query));

        String fresh = rotated.encode("alice", query, key);
        assertNotEquals(old.substring(0, 6), fresh.substring(0, 6), "another key id");
        assertEquals(key, previousDropped.decode(fresh, "alice", query));
        assertInvalid(() -> codec.decode(fresh, "alice", query));
    }

    @Test
    void nonCanonicalSpellingsAreRefused() {
        String token = codec.encode("alice", query, key);
        assertInvalid(() -> codec.decode(token + "=", "alice", query));
        byte[] bytes = Base64.getUrlDecoder().decode(token);
        assertInvalid(() -> codec.decode(Base64.getEncoder().encodeToString(bytes), "alice", query));
        // The last character carries 4 unused bits: the spellings that differ only there decode to the same bytes.
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        int sameBytes = 0;
        for (char c : alphabet.toCharArray()) {
            String variant = token.substring(0, 81) + c;
            if (variant.equals(token)) continue;
            if (Arrays.equals(Base64.getUrlDecoder().decode(variant), bytes)) sameBytes++;
            assertInvalid(() -> codec.decode(variant, "alice", query));
        }
        assertEquals(15, sameBytes, "2^4 spellings of the same bytes exist; the 15 other ones are refused");
    }

    @Test
    void garbageIsRefusedAsAnInvalidTokenNeverAnotherError() {
        for (String garbage : List.of("", "x", "A".repeat(82), "_".repeat(82), "!".repeat(82), "A".repeat(81) + "\u00e9",
                "A".repeat(10_000))) {
            assertInvalid(() -> codec.decode(garbage, "alice", query));
        }
    }

    @Test
    void keysAreNeverShorterThan16Bytes() {
        assertThrows(IllegalStateException.class, () -> PageTokenSecrets.of("short", null));
        assertThrows(IllegalStateException.class, () -> PageTokenSecrets.of(SECRET, "short"));
    }

    @Test
    void secretArnWinsOverThePlainSettings() {
        AtomicReference<String> askedFor = new AtomicReference<>();
        Map<Setting, String> settings = new EnumMap<>(Setting.class);
        settings.put(Setting.PAGE_TOKEN_SECRET_ARN, "arn:aws:secretsmanager:eu-west-1:123456789012:secret:page-token-AbCdEf");
        settings.put(Setting.PAGE_TOKEN_SECRET, SECRET);
        PageTokenSecrets fromArn = PageTokenSecrets.resolve(s -> settings.getOrDefault(s, ""), arn -> {
            askedFor.set(arn);
            return PageTokenSecrets.of(OTHER_SECRET, null);
        });
        assertEquals(settings.get(Setting.PAGE_TOKEN_SECRET_ARN), askedFor.get());
        String token = new PageTokenCodec(fromArn).encode("alice", query, key);
        assertInvalid(() -> codec.decode(token, "alice", query));
    }

    @Test
    void withoutArnThePlainSecretsAreUsedAndSecretsManagerIsNeverAsked() {
        Map<Setting, String> settings = new EnumMap<>(Setting.class);
        settings.put(Setting.PAGE_TOKEN_SECRET, OTHER_SECRET);
        settings.put(Setting.PAGE_TOKEN_PREVIOUS_SECRET, SECRET);
        PageTokenSecrets secrets = PageTokenSecrets.resolve(s -> settings.getOrDefault(s, ""), arn -> {
            throw new AssertionError("Secrets Manager must not be called without an ARN");
        });
        PageTokenCodec fromSettings = new PageTokenCodec(secrets);
        assertEquals(key, fromSettings.decode(codec.encode("alice", query, key), "alice", query), "previous secret verifies");
    }

    @Test
    void noSecretAtAllFailsTheInitLoudly() {
        assertThrows(IllegalStateException.class, () -> PageTokenSecrets.resolve(s -> "", arn -> {
            throw new AssertionError("no ARN given");
        }));
    }

    private static void assertInvalid(Executable decode) {
        ApiException e = assertThrows(ApiException.class, decode);
        assertEquals(400, e.status());
        assertEquals("INVALID_TOKEN", e.code());
    }
}
