package com.userimages.core.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ObjectKeysTest {
    private static final String COLLECTION = "6f0c2a4e-1b8e-4a53-9a57-0c6c1d2e3f40";
    private static final String IMAGE = "7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";
    private static final String UPLOAD = "0123456789abcdefghjkmnpqrs";

    @Test
    void theUserKeyIsTheFirstHalfOfTheSubsSha256() {
        // SHA-256("abc") = ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad
        assertEquals("ba7816bf8f01cfea414140de5dae2223", ObjectKeys.userKey("abc"));
        String key = ObjectKeys.userKey("user@example.com|tenant");
        assertEquals(32, key.length());
        assertFalse(key.contains("example"));
    }

    @Test
    void pendingAndImageKeysShareTheirPathUnderTwoPrefixes() {
        UploadTarget target = new UploadTarget(ObjectKeys.userKey("abc"), COLLECTION, IMAGE, UPLOAD);
        String path = "ba7816bf8f01cfea414140de5dae2223/" + COLLECTION + "/" + IMAGE + "/" + UPLOAD;
        assertEquals("uploads/" + path, ObjectKeys.pending(target));
        assertEquals("images/" + path, ObjectKeys.image(target));
        assertEquals("s3:images/" + path, ObjectKeys.url(ObjectKeys.image(target)));
        assertEquals(Optional.of("images/" + path), ObjectKeys.imageKeyOf("s3:images/" + path));
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://example.com/a.png", "s3:uploads/ba7816bf8f01cfea414140de5dae2223/x", "s3:images/../secret",
            "s3:images/ba7816bf8f01cfea414140de5dae2223/" + COLLECTION + "/" + IMAGE + "/" + UPLOAD + "/extra",
            "s3:images/BA7816BF8F01CFEA414140DE5DAE2223/" + COLLECTION + "/" + IMAGE + "/" + UPLOAD, "S3:images/x", "s3:", ""})
    void onlyAWellFormedImageKeyIsOneOfOurs(String url) {
        assertEquals(Optional.empty(), ObjectKeys.imageKeyOf(url));
    }

    @Test
    void aTargetIsBuiltFromIssuedFormsOnly() {
        String user = ObjectKeys.userKey("abc");
        assertThrows(IllegalArgumentException.class, () -> new UploadTarget("../..", COLLECTION, IMAGE, UPLOAD));
        assertThrows(IllegalArgumentException.class, () -> new UploadTarget(user, COLLECTION.toUpperCase(), IMAGE, UPLOAD));
        assertThrows(IllegalArgumentException.class, () -> new UploadTarget(user, COLLECTION, IMAGE + "/..", UPLOAD));
        assertThrows(IllegalArgumentException.class, () -> new UploadTarget(user, COLLECTION, IMAGE, "0123456789abcdefghjkmnpqr/"));
        assertThrows(IllegalArgumentException.class, () -> new UploadTarget(user, COLLECTION, IMAGE, null));
        assertTrue(ObjectKeys.pending(new UploadTarget(user, COLLECTION, IMAGE, UPLOAD)).startsWith("uploads/"));
    }
}
