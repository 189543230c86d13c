package com.userimages.core.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.userimages.core.error.ApiException;
import com.userimages.core.error.ErrorCode;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ApiRequestTest {
    private static ApiRequest request(String rawQueryString, Map<String, String> parameters) {
        return new ApiRequest(APIGatewayV2HTTPEvent.builder()
                .withRawQueryString(rawQueryString).withQueryStringParameters(parameters).build());
    }

    @Test
    void aRepeatedParameterIsFoundInTheRawQueryString() {
        // As payload 2.0 delivers limit=5&limit=6: one comma-joined entry, both pairs in the raw string.
        assertEquals(Set.of("limit"), request("limit=5&order=asc&limit=6", Map.of("limit", "5,6", "order", "asc"))
                .repeatedQueryParameters());
        assertEquals(Set.of("limit", "order"), request("limit=5&order=asc&limit=6&order&order=", Map.of("limit", "5,6", "order", "asc,,"))
                .repeatedQueryParameters());
    }

    @Test
    void namesAreComparedDecoded() {
        assertEquals(Set.of("minImages"), request("minImages=1&min%49mages=2", Map.of("minImages", "1,2")).repeatedQueryParameters());
    }

    @Test
    void nothingIsRepeatedWithoutARawQueryStringOrWhenEveryNameIsOnce() {
        assertEquals(Set.of(), request(null, Map.of("limit", "5,6")).repeatedQueryParameters());
        assertEquals(Set.of(), request("", Map.of()).repeatedQueryParameters());
        assertEquals(Set.of(), request("limit=5%2C6&&order=asc", Map.of("limit", "5,6", "order", "asc")).repeatedQueryParameters());
    }

    @Test
    void aNameThatIsNotAParameterKeyNeverCounts() {
        // A decoding difference cannot invent a repetition; a malformed escape is compared as sent.
        assertEquals(Set.of(), request("x=1&x=2", Map.of("y", "1")).repeatedQueryParameters());
        assertEquals(Set.of("a%ZZ"), request("a%ZZ=1&a%ZZ=2", Map.of("a%ZZ", "1,2")).repeatedQueryParameters());
    }

    @Test
    void aPathIdIsTheCanonicalIdOrA400() {
        ApiRequest request = new ApiRequest(APIGatewayV2HTTPEvent.builder()
                .withPathParameters(Map.of("collectionId", "0E9B3D1C-7C2A-4F3E-9B1D-2A4C6E8F0A1B", "imageId", "not-an-id")).build());
        assertEquals("0e9b3d1c-7c2a-4f3e-9b1d-2a4c6e8f0a1b", request.pathId("collectionId"));
        ApiException notAnId = assertThrows(ApiException.class, () -> request.pathId("imageId"));
        assertEquals(400, notAnId.status());
        assertEquals(ErrorCode.INVALID_ID.name(), notAnId.code());
        ApiException missing = assertThrows(ApiException.class, () -> request.pathId("other"));
        assertEquals(ErrorCode.INVALID_PATH.name(), missing.code());
    }
}
