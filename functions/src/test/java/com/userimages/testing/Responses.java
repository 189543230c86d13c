package com.userimages.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.userimages.core.http.Json;

/** Assertions on handler responses. */
public final class Responses {
    private Responses() {}

    public static JsonNode body(APIGatewayV2HTTPResponse response) {
        try {
            return Json.MAPPER.readTree(response.getBody());
        } catch (Exception e) {
            throw new AssertionError("response body is not JSON: " + response.getBody(), e);
        }
    }

    /** Asserts the status and returns the parsed body. */
    public static JsonNode expect(int status, APIGatewayV2HTTPResponse response) {
        assertEquals(status, response.getStatusCode(), () -> "unexpected status; body: " + response.getBody());
        return body(response);
    }

    /** Asserts API.md's error shape and code; no exception names or stack traces in it. */
    public static JsonNode expectError(int status, String code, APIGatewayV2HTTPResponse response) {
        JsonNode body = expect(status, response);
        JsonNode error = body.get("error");
        assertEquals(code, error.get("code").asText(), () -> "body: " + response.getBody());
        assertFalse(error.get("message").asText().isBlank());
        assertFalse(error.get("requestId").asText().isBlank());
        assertFalse(response.getBody().contains("Exception") || response.getBody().contains("\tat "),
                () -> "leaks internals: " + response.getBody());
        return body;
    }
}
