package com.userimages.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.userimages.contract.ApiFunction;
import com.userimages.core.observability.RequestLine;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The validator the suite holds every request line to can fail: each broken document is caught. */
class EmfValidatorTest {
    private static final String AWS = "{\"_aws\":{\"Timestamp\":" + System.currentTimeMillis()
            + ",\"CloudWatchMetrics\":[{\"Namespace\":\"UserImages\",\"Dimensions\":[[\"function\"]],\"Metrics\":[";

    @Test
    void aRequestLineIsValid() {
        RequestLine line = new RequestLine(Instant.now(), "r", null, ApiFunction.LIST_PAGE, "GET /collections", 200, null,
                3, true, 0.5, 0, 1, 21, false, 0, "0123abcd0123abcd", null);
        assertEquals(java.util.List.of(), EmfValidator.violations(line.fullLine()));
        assertEquals(java.util.List.of(), EmfValidator.violations(line.metricsLine()));
    }

    @Test
    void brokenDocumentsAreCaught() {
        assertTrue(EmfValidator.violations(AWS + "{\"Name\":\"Requests\",\"Unit\":\"Count\"}]}]},\"function\":\"f\",\"Requests\":1}").isEmpty());
        String[] broken = {
                "not json",
                "[1]",
                "{\"function\":\"f\"}",
                AWS + "{\"Name\":\"Requests\"}]}]},\"function\":\"f\"}",                        // metric value missing
                AWS + "{\"Name\":\"Requests\"}]}]},\"function\":\"f\",\"Requests\":\"1\"}",        // not a number
                AWS + "{\"Name\":\"Requests\"}]}]},\"function\":7,\"Requests\":1}",                // dimension not a string
                AWS + "{\"Name\":\"Requests\"}]}]},\"Requests\":1}",                               // dimension missing
                AWS + "{\"Name\":\"Requests\",\"Unit\":\"Parsecs\"}]}]},\"function\":\"f\",\"Requests\":1}",
                AWS + "{\"Name\":\"Requests\",\"StorageResolution\":5}]}]},\"function\":\"f\",\"Requests\":1}",
                AWS + "{\"Name\":\"\"}]}]},\"function\":\"f\"}",
                AWS.replace("\"UserImages\"", "\"\"") + "{\"Name\":\"Requests\"}]}]},\"function\":\"f\",\"Requests\":1}",
                AWS.replace("\"Timestamp\":", "\"Timestamp\":\"x\",\"T\":") + "{\"Name\":\"Requests\"}]}]},\"function\":\"f\",\"Requests\":1}",
                "{\"_aws\":{\"Timestamp\":1,\"CloudWatchMetrics\":{}}}",
                AWS + many(101) + "]}]},\"function\":\"f\"" + values(101) + "}",
        };
        for (String doc : broken) assertFalse(EmfValidator.violations(doc).isEmpty(), doc);
    }

    private static String many(int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) b.append(i == 0 ? "" : ",").append("{\"Name\":\"M").append(i).append("\"}");
        return b.toString();
    }

    private static String values(int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) b.append(",\"M").append(i).append("\":1");
        return b.toString();
    }
}
