package com.userimages.testing;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.userimages.contract.ApiFunction;
import com.userimages.core.observability.RequestLine;
import java.time.Instant;
import java.util.ArrayList;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The check every request line of the suite goes through can fail. */
@ExtendWith(DynamoDbExtension.class)
class TestLogsTest {
    private static String line(String requestId, String callerHash) {
        return new RequestLine(Instant.now(), requestId, null, ApiFunction.GET_ITEM, "GET /collections/{collectionId}", 404,
                "COLLECTION_NOT_FOUND", 2, false, 0.5, 0, 0, 0, false, 0, callerHash, null).fullLine();
    }

    @Test
    void aCleanLinePasses() {
        TestLogs.sink(new ArrayList<>()).accept(line("req-1", RequestLine.callerHash("someone")));
    }

    @Test
    void aForbiddenValueFailsWhetherRegisteredBeforeOrJustAfter() {
        String secret = "secret-" + UUID.randomUUID();
        TestLogs.forbid(secret);
        assertThrows(AssertionError.class, () -> TestLogs.sink(new ArrayList<>()).accept(line(secret, null)));
        String later = "token-" + UUID.randomUUID();
        TestLogs.sink(new ArrayList<>()).accept(line(later, null));
        assertThrows(AssertionError.class, () -> TestLogs.forbid(later));
    }

    @Test
    void aJwtLookalikeOrAFreeTextFieldFails() {
        assertThrows(AssertionError.class, () -> TestLogs.sink(new ArrayList<>()).accept(line("eyJhbGciOi", null)));
        String withSub = line("r", null).replace("\"level\":", "\"sub\":\"alice\",\"level\":");
        assertThrows(AssertionError.class, () -> TestLogs.sink(new ArrayList<>()).accept(withSub));
        String badHash = line("r", "not-a-hash");
        assertThrows(AssertionError.class, () -> TestLogs.sink(new ArrayList<>()).accept(badHash));
    }

    @Test
    void theSuitesHandlerLinesAreChecked() {
        new TestApi().get(TestApi.newUser(), UUID.randomUUID().toString());
        assertTrue(TestLogs.linesChecked() > 0);
    }
}
