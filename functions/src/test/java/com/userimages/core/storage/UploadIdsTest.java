package com.userimages.core.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class UploadIdsTest {
    @Test
    void idsAreWellFormedAndDoNotRepeat() {
        UploadIds ids = new UploadIds(new SecureRandom());
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String id = ids.next();
            assertEquals(UploadIds.LENGTH, id.length());
            assertTrue(UploadIds.isWellFormed(id), id);
            assertTrue(seen.add(id), "repeated " + id);
        }
    }

    @Test
    void onlyTheIssuedFormIsWellFormed() {
        assertTrue(UploadIds.isWellFormed("0123456789abcdefghjkmnpqrs"));
        for (String bad : new String[] {null, "", "0123456789ABCDEFGHJKMNPQRS", "0123456789abcdefghjkmnpqr", "0123456789abcdefghjkmnpqrst",
                "0123456789abcdefghjkmnpqri", "0123456789abcdefghjkmnpq/s", "../../../../../../../../..", "0123456789abcdefghjkmnpqr\n"}) {
            assertFalse(UploadIds.isWellFormed(bad), String.valueOf(bad));
        }
    }
}
