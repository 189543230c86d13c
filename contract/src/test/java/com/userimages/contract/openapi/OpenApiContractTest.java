package com.userimages.contract.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The validator itself: it passes what API.md allows and names what it does not. */
class OpenApiContractTest {
    private static final OpenApiContract CONTRACT = OpenApiContract.load();
    private static final String ID = "6f1c2a9e-8d4b-4c1e-9a7f-3b2d1e0c9f8a";
    private static final String IMAGE = "0b9e8d7c-6a5f-4e3d-8c2b-1a0f9e8d7c6b";
    private static final Map<String, String> JSON = Map.of("Content-Type", "application/json");
    private static final String COLLECTION = "{\"imagesCollectionId\":\"" + ID + "\",\"timestamp\":\"2026-05-01T12:00:00Z\","
            + "\"imageCount\":1,\"images\":[{\"imageId\":\"" + IMAGE + "\",\"url\":\"https://example.com/a.jpg\",\"source\":\"url\"}]}";
    private static final String ERROR = "{\"error\":{\"code\":\"THROTTLED\",\"message\":\"busy\",\"requestId\":\"r-1\"}}";

    private static Map<String, String> headers(String... nameValues) {
        var map = new java.util.HashMap<>(JSON);
        for (int i = 0; i < nameValues.length; i += 2) map.put(nameValues[i], nameValues[i + 1]);
        return map;
    }

    private static List<String> created(Map<String, String> headers, String body) {
        return CONTRACT.problems("POST", "/collections", 201, headers, body);
    }

    @Test
    void aConformingCreatedResponsePasses() {
        assertEquals(List.of(), created(headers("etag", "\"1.ab12cd34\"", "location", "/collections/" + ID), COLLECTION));
    }

    @Test
    void headerNamesAreComparedIgnoringCase() {
        assertEquals(List.of(), created(headers("ETag", "\"1.ab12cd34\"", "LOCATION", "/collections/" + ID), COLLECTION));
    }

    @Test
    void aMissingRequiredHeaderIsNamed() {
        assertProblem(created(headers("etag", "\"1.ab12cd34\""), COLLECTION), "required header Location is missing");
        assertProblem(created(headers("location", "/collections/" + ID), COLLECTION), "required header ETag is missing");
    }

    @Test
    void aHeaderValueOutsideItsSchemaIsNamed() {
        assertProblem(created(headers("etag", "1", "location", "/collections/" + ID), COLLECTION), "header ETag");
        // v4's bare version, and incarnations this API never chooses.
        for (String etag : new String[] {"\"1\"", "\"1.\"", "\"1.ab12cd3\"", "\"1.AB12CD34\"", "\"1.ab12cd3u\"", "\"1.00\""}) {
            assertProblem(created(headers("etag", etag, "location", "/collections/" + ID), COLLECTION), "header ETag");
        }
        assertProblem(created(headers("etag", "\"1.ab12cd34\"", "location", "https://evil.example/"), COLLECTION), "header Location");
        assertProblem(CONTRACT.problems("GET", "/collections", 429, headers("retry-after", "soon"), ERROR), "header Retry-After");
    }

    @Test
    void aBodyOutsideItsSchemaIsNamed() {
        var h = headers("etag", "\"1.ab12cd34\"", "location", "/collections/" + ID);
        assertProblem(created(h, COLLECTION.replace("\"imageCount\":1,", "")), "imageCount");
        assertProblem(created(h, COLLECTION.replace("}]}", "}],\"extra\":true}")), "extra");
        assertProblem(created(h, COLLECTION.replace(ID, ID.toUpperCase())), "imagesCollectionId");
        assertProblem(created(h, COLLECTION.replace("2026-05-01T12:00:00Z", "2026-05-01T12:00:00.5Z")), "timestamp");
        assertProblem(created(h, "not json"), "not JSON");
        assertProblem(created(h, null), "there is none");
        assertProblem(created(Map.of("etag", "\"1.ab12cd34\"", "location", "/collections/" + ID), COLLECTION), "content-type");
    }

    @Test
    void anUndocumentedStatusOrOperationIsNamed() {
        assertProblem(CONTRACT.problems("GET", "/collections", 404, JSON, ERROR), "not documented");
        assertProblem(CONTRACT.problems("PATCH", "/collections", 200, JSON, "{}"), "no such operation");
    }

    @Test
    void aResponseWithoutContentMustHaveNoBody() {
        assertEquals(List.of(), CONTRACT.problems("DELETE", "/collections/{collectionId}", 204, Map.of(), null));
        assertEquals(List.of(), CONTRACT.problems("DELETE", "/collections/{collectionId}", 204, Map.of(), ""));
        assertProblem(CONTRACT.problems("DELETE", "/collections/{collectionId}", 204, Map.of(), "{}"), "no body");
        assertEquals(List.of(), CONTRACT.problems("GET", "/collections/{collectionId}", 304, Map.of("etag", "\"3.0\""), null));
        assertProblem(CONTRACT.problems("GET", "/collections/{collectionId}", 304, Map.of(), null), "ETag is missing");
    }

    @Test
    void bothErrorShapesAreAcceptedWhereTheGatewayMayAnswer() {
        assertEquals(List.of(), CONTRACT.problems("GET", "/collections", 401, JSON, "{\"message\":\"Unauthorized\"}"));
        assertEquals(List.of(), CONTRACT.problems("GET", "/collections", 401, JSON,
                "{\"error\":{\"code\":\"UNAUTHORIZED\",\"message\":\"no sub\",\"requestId\":\"r\"}}"));
        assertProblem(CONTRACT.problems("GET", "/collections", 401, JSON, "{\"message\":\"Unauthorized\",\"error\":{}}"), "body");
        // Only the functions answer 404 on a matched route, 409 and 412: the gateway's shape is wrong there.
        assertProblem(CONTRACT.problems("GET", "/collections/{collectionId}", 404, JSON, "{\"message\":\"Not Found\"}"), "body");
        assertEquals(List.of(), CONTRACT.unknownRouteProblems(404, "{\"message\":\"Not Found\"}"));
        assertProblem(CONTRACT.unknownRouteProblems(404, ERROR), "unknown route");
    }

    @Test
    void aFunctions429Or503MustCarryRetryAfterButTheGatewaysNeedNot() {
        assertProblem(CONTRACT.problems("GET", "/collections", 429, JSON, ERROR), "must carry Retry-After");
        assertProblem(CONTRACT.problems("GET", "/collections", 503, JSON, ERROR.replace("THROTTLED", "SERVICE_UNAVAILABLE")),
                "must carry Retry-After");
        assertEquals(List.of(), CONTRACT.problems("GET", "/collections", 429, headers("retry-after", "1"), ERROR));
        assertEquals(List.of(), CONTRACT.problems("GET", "/collections", 429, JSON, "{\"message\":\"Too Many Requests\"}"));
    }

    @Test
    void aPendingHeaderMustBeAbsentAndSaysSoOnceItIsSent() {
        OpenApiContract pending = CONTRACT.withPendingHeaders("ETag");
        assertEquals(List.of(), pending.problems("POST", "/collections", 201, headers("location", "/collections/" + ID), COLLECTION));
        assertProblem(pending.problems("POST", "/collections", 201, headers("etag", "\"1.ab12cd34\"", "location", "/collections/" + ID), COLLECTION),
                "no longer pending");
    }

    @Test
    void requestBodiesAreStrict() {
        assertEquals(List.of(), CONTRACT.requestProblems("POST", "/collections", "{\"images\":[]}"));
        assertEquals(List.of(), CONTRACT.requestProblems("POST", "/collections",
                "{\"imagesCollectionId\":null,\"timestamp\":null,\"images\":[{\"imageId\":null,\"url\":\"https://e.example/a\"}]}"));
        assertProblem(CONTRACT.requestProblems("POST", "/collections", "{\"images\":[],\"title\":\"x\"}"), "title");
        assertProblem(CONTRACT.requestProblems("POST", "/collections/{collectionId}/images", "{\"images\":[]}"), "images");
        assertProblem(CONTRACT.requestProblems("PUT", "/collections/{collectionId}/order", "{\"imageIds\":[\"nope\"]}"), "imageIds");
        assertProblem(CONTRACT.requestProblems("GET", "/collections", "{}"), "no request body");
    }

    @Test
    void requestParametersAreCheckedAgainstTheirSchemas() {
        assertEquals(List.of(), CONTRACT.requestProblems(new OpenApiContract.Request("GET", "/collections", null,
                Map.of("limit", "100", "order", "asc", "from", "2026-01-01t00:00:00.5+02:00", "minImages", "0", "nextToken", "AbC-_9"), null, null)));
        assertProblem(requestProblems("GET", "/collections", Map.of(), Map.of("limit", "0")), "limit");
        assertProblem(requestProblems("GET", "/collections", Map.of(), Map.of("limit", "ten")), "limit");
        assertProblem(requestProblems("GET", "/collections", Map.of(), Map.of("order", "up")), "order");
        assertProblem(requestProblems("GET", "/collections", Map.of(), Map.of("from", "2026-01-01T00:00:00")), "from");
        assertProblem(requestProblems("GET", "/collections", Map.of(), Map.of("nextToken", "a=")), "nextToken");
        assertProblem(requestProblems("GET", "/collections", Map.of(), Map.of("minimages", "1")), "minimages is not documented");
        assertEquals(List.of(), requestProblems("GET", "/collections/{collectionId}", Map.of("collectionId", ID.toUpperCase()), Map.of()));
        assertProblem(requestProblems("GET", "/collections/{collectionId}", Map.of("collectionId", "123"), Map.of()), "collectionId");
        assertProblem(requestProblems("GET", "/collections/{collectionId}/images/{imageId}", Map.of("collectionId", ID), Map.of()),
                "required path parameter imageId is missing");
        assertProblem(CONTRACT.requestProblems(new OpenApiContract.Request("POST", "/collections/{collectionId}/images",
                Map.of("collectionId", ID), null, null, null)), "request body is required");
        assertProblem(CONTRACT.requestProblems(new OpenApiContract.Request("GET", "/collections", null, null, null, "{}")),
                "takes no request body");
        assertEquals(List.of(), CONTRACT.requestProblems(new OpenApiContract.Request("DELETE", "/collections/{collectionId}",
                Map.of("collectionId", ID), null, Map.of("If-Match", "\"3.ab12cd34\""), null)));
    }

    private static List<String> requestProblems(String method, String template, Map<String, String> path, Map<String, String> query) {
        return CONTRACT.requestProblems(new OpenApiContract.Request(method, template, path, query, null, null));
    }

    @Test
    void assertConformsListsEveryProblem() {
        AssertionError e = assertThrows(AssertionError.class,
                () -> CONTRACT.assertConforms("POST", "/collections", 201, JSON, COLLECTION));
        assertTrue(e.getMessage().contains("ETag") && e.getMessage().contains("Location"), e.getMessage());
    }

    private static void assertProblem(List<String> problems, String fragment) {
        assertTrue(problems.stream().anyMatch(p -> p.contains(fragment)), () -> "expected a problem naming '" + fragment + "', got " + problems);
    }
}
