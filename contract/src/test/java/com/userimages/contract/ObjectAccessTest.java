package com.userimages.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ObjectAccessTest {
    @Test
    void grantsThePrefixAndEverythingUnderIt() {
        ObjectAccess access = ObjectAccess.on(ObjectAccess.UPLOADS_PREFIX, "s3:GetObject", "s3:PutObject");
        assertEquals("uploads/*", access.keyPattern());
        assertEquals(List.of("s3:GetObject", "s3:PutObject"), access.actions());
    }

    @Test
    void aPrefixIsAFolderWithoutWildcard() {
        for (String prefix : List.of("", "uploads", "uploads/*/", "*", "up*/")) {
            assertThrows(IllegalArgumentException.class, () -> ObjectAccess.on(prefix, "s3:GetObject"), prefix);
        }
        assertThrows(IllegalArgumentException.class, () -> new ObjectAccess(null, List.of("s3:GetObject")));
    }

    @Test
    void actionsAreNamedS3ActionsWithoutWildcard() {
        assertThrows(IllegalArgumentException.class, () -> ObjectAccess.on("images/"));
        for (String action : List.of("s3:*", "s3:Get*", "dynamodb:GetItem", "GetObject", "*")) {
            assertThrows(IllegalArgumentException.class, () -> ObjectAccess.on("images/", action), action);
        }
    }

    @Test
    void theActionsCannotBeChangedAfterwards() {
        List<String> actions = new ArrayList<>(List.of("s3:GetObject"));
        ObjectAccess access = new ObjectAccess("images/", actions);
        actions.add("s3:DeleteObject");
        assertEquals(List.of("s3:GetObject"), access.actions());
        assertThrows(UnsupportedOperationException.class, () -> access.actions().add("s3:PutObject"));
    }
}
