package com.userimages.handlers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.userimages.contract.ApiFunction;
import com.userimages.contract.ApiRoute;
import com.userimages.contract.Setting;
import com.userimages.core.data.CollectionRepository;
import com.userimages.core.data.DynamoDbErrors;
import com.userimages.core.error.ApiException;
import com.userimages.core.http.Json;
import com.userimages.core.model.Bounds;
import com.userimages.core.observability.RequestLine;
import com.userimages.core.observability.RequestLog;
import com.userimages.core.service.CollectionService;
import com.userimages.wiring.FunctionComponents;
import com.userimages.testing.DynamoDbExtension;
import com.userimages.testing.EmfValidator;
import com.userimages.core.http.GatewayEvents;
import com.userimages.testing.TestApi;
import com.userimages.testing.TestLogs;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;

/**
 * Every request leaves one request line (API.md, "Function
 * configuration") that is also a valid EMF document; 5xx, 429 and 503 carry their cause's AWS error
 * code and request id; {@code LOG_LEVEL=WARN} keeps the metrics. Handlers run on the test engine,
 * except for the faults it cannot produce.
 */
@ExtendWith(DynamoDbExtension.class)
class RequestLineTest {
    private final List<String> lines = new ArrayList<>();
    private final Bounds bounds = new Bounds(100, 1000);

    /** The shared engine's wiring, its request lines into {@code lines} at this level. */
    private FunctionComponents.Builder wired(RequestLog.Level level) {
        return FunctionComponents.builder(DynamoDbExtension.settings().with(Setting.LOG_LEVEL, level.name()))
                .dynamoDb(DynamoDbExtension.client()).requestLogSink(TestLogs.sink(lines));
    }

    private AppendCollectionHandler append(RequestLog.Level level) {
        return new AppendCollectionHandler(wired(level).bounds(bounds).build());
    }

    private JsonNode line(int i) throws Exception {
        return Json.MAPPER.readTree(lines.get(i));
    }

    @Test
    void aSuccessfulCreateWritesTheFullLine() throws Exception {
        String user = TestApi.newUser();
        AppendCollectionHandler handler = append(RequestLog.Level.INFO);
        APIGatewayV2HTTPEvent event = GatewayEvents.request(ApiRoute.CREATE_COLLECTION).as(user)
                .body("{\"imagesCollectionId\":\"" + UUID.randomUUID() + "\",\"images\":[{\"url\":\"https://l.example/1\"}]}").build();
        assertEquals(201, handler.handleRequest(event, new FakeContext("lambda-req-1")).getStatusCode());
        handler.handleRequest(event, new FakeContext("lambda-req-2"));

        assertEquals(2, lines.size());
        JsonNode first = line(0);
        assertEquals("INFO", first.get("level").asText());
        assertEquals(event.getRequestContext().getRequestId(), first.get("requestId").asText());
        assertEquals("lambda-req-1", first.get("awsRequestId").asText());
        assertEquals("append-collection", first.get("function").asText());
        assertEquals("POST /collections", first.get("routeKey").asText());
        assertEquals(201, first.get("status").asInt());
        assertNull(first.get("errorCode"));
        assertTrue(first.get("latencyMs").asLong() >= 0);
        assertTrue(first.get("coldStart").asBoolean());
        assertFalse(line(1).get("coldStart").asBoolean(), "only the instance's first request is cold");
        assertTrue(first.get("writeUnits").asDouble() >= 1.0, "PutItem's consumed capacity: " + first);
        assertEquals(RequestLine.callerHash(user), first.get("callerHash").asText());
        assertEquals(16, first.get("callerHash").asText().length());
        assertTrue(java.time.Instant.parse(first.get("timestamp").asText()) != null);
        assertNull(first.get("queryCalls"), "listing fields only on list-page");
        // The EMF side of the same line.
        assertEquals("UserImages", first.at("/_aws/CloudWatchMetrics/0/Namespace").asText());
        assertEquals(1, first.get("Requests").asInt());
        assertEquals(1, first.get("ColdStart").asInt());
        assertEquals(0, line(1).get("ColdStart").asInt());
        assertEquals(0, first.get("Status4xx").asInt());
        assertEquals(first.get("writeUnits").asDouble(), first.get("WriteUnits").asDouble());
        // The replay (200) read the item back with the refusal: no write units are reported for it by the engine.
        assertEquals(200, line(1).get("status").asInt());
    }

    @Test
    void theEditRoutesWriteTheirLinesWithCapacityToTheComponentsSink() throws Exception {
        // The components' own sink and LOG_LEVEL (from its Settings), as the Lambda and the local server wire them.
        var components = FunctionComponents.builder(DynamoDbExtension.settings().with(Setting.LOG_LEVEL, "info"))
                .dynamoDb(DynamoDbExtension.client()).requestLogSink(TestLogs.sink(lines)).build();
        var writer = new AppendCollectionHandler(components);
        var deleter = new DeleteItemHandler(components);
        String user = TestApi.newUser();
        String first = UUID.randomUUID().toString();
        String second = UUID.randomUUID().toString();
        var create = writer.handleRequest(GatewayEvents.request(ApiRoute.CREATE_COLLECTION).as(user).body("{\"images\":["
                + "{\"imageId\":\"" + first + "\",\"url\":\"https://l.example/1\"},"
                + "{\"imageId\":\"" + second + "\",\"url\":\"https://l.example/2\"}]}").build(), null);
        String id = Json.MAPPER.readTree(create.getBody()).get("imagesCollectionId").asText();
        assertEquals(200, writer.handleRequest(GatewayEvents.request(ApiRoute.REORDER_IMAGES).as(user).path("collectionId", id)
                .body("{\"imageIds\":[\"" + second + "\",\"" + first + "\"]}").build(), null).getStatusCode());
        assertEquals(200, deleter.handleRequest(GatewayEvents.request(ApiRoute.DELETE_IMAGE).as(user).path("collectionId", id)
                .path("imageId", first).build(), null).getStatusCode());
        assertEquals(400, deleter.handleRequest(GatewayEvents.request(ApiRoute.DELETE_COLLECTION).as(user).path("collectionId", id)
                .header("if-match", "\"1\" \"2\"").build(), null).getStatusCode());
        assertEquals(204, deleter.handleRequest(GatewayEvents.request(ApiRoute.DELETE_COLLECTION).as(user)
                .path("collectionId", id).build(), null).getStatusCode());

        assertEquals(5, lines.size());
        JsonNode reorder = line(1);
        assertEquals("PUT /collections/{collectionId}/order", reorder.get("routeKey").asText());
        assertTrue(reorder.get("readUnits").asDouble() > 0 && reorder.get("writeUnits").asDouble() > 0, reorder.toString());
        JsonNode removeImage = line(2);
        assertEquals("delete-item", removeImage.get("function").asText());
        assertEquals("DELETE /collections/{collectionId}/images/{imageId}", removeImage.get("routeKey").asText());
        assertTrue(removeImage.get("coldStart").asBoolean());
        assertTrue(removeImage.get("writeUnits").asDouble() > 0, removeImage.toString());
        assertEquals(0, removeImage.get("orphanedObjects").asInt(), "delete-item counts what it could not delete");
        JsonNode refused = line(3);
        assertEquals(400, refused.get("status").asInt());
        assertEquals("INVALID_PRECONDITION", refused.get("errorCode").asText());
        JsonNode deleted = line(4);
        assertEquals("DELETE /collections/{collectionId}", deleted.get("routeKey").asText());
        assertEquals(204, deleted.get("status").asInt());
        assertTrue(deleted.get("writeUnits").asDouble() > 0, deleted.toString());
        assertEquals(RequestLine.callerHash(user), deleted.get("callerHash").asText());
        for (int i = 0; i < lines.size(); i++) assertTrue(line(i).has("_aws"), lines.get(i));
    }

    @Test
    void aMalformedLogLevelFailsTheWiringWithTheSettingsMessage() {
        var components = FunctionComponents.builder(DynamoDbExtension.settings().with(Setting.LOG_LEVEL, "DEBUG\n"))
                .dynamoDb(DynamoDbExtension.client()).build();
        var e = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class, () -> new DeleteItemHandler(components));
        assertTrue(e.getMessage().contains("LOG_LEVEL"), e.getMessage());
    }

    @Test
    void aReadAndAListingReportTheirUnitsAndQueryCalls() throws Exception {
        String user = TestApi.newUser();
        var create = append(RequestLog.Level.INFO).handleRequest(GatewayEvents.request(ApiRoute.CREATE_COLLECTION).as(user)
                .body("{\"images\":[{\"url\":\"https://l.example/1\"}]}").build(), null);
        String id = Json.MAPPER.readTree(create.getBody()).get("imagesCollectionId").asText();
        new GetItemHandler(wired(RequestLog.Level.INFO).build())
                .handleRequest(GatewayEvents.request(ApiRoute.GET_COLLECTION).as(user).path("collectionId", id).build(), null);
        ListPageHandler list = new ListPageHandler(wired(RequestLog.Level.INFO).build());
        list.handleRequest(GatewayEvents.request(ApiRoute.LIST_COLLECTIONS).as(user).build(), null);
        list.handleRequest(GatewayEvents.request(ApiRoute.LIST_COLLECTIONS).as(user).query("limit", "0").build(), null);

        JsonNode get = line(1);
        assertEquals("GET /collections/{collectionId}", get.get("routeKey").asText());
        assertTrue(get.get("readUnits").asDouble() > 0, get.toString());
        assertEquals(0.0, get.get("writeUnits").asDouble());
        JsonNode listing = line(2);
        assertEquals("list-page", listing.get("function").asText());
        assertEquals(1, listing.get("queryCalls").asInt());
        assertEquals(1, listing.get("itemsEvaluated").asInt());
        assertFalse(listing.get("partial").asBoolean());
        assertTrue(listing.get("readUnits").asDouble() > 0);
        assertEquals(1, listing.get("QueryCalls").asInt());
        assertEquals(1, listing.get("ItemsEvaluated").asInt());
        assertEquals(0, listing.get("PartialPages").asInt());
        Set<String> declared = new HashSet<>();
        listing.at("/_aws/CloudWatchMetrics/0/Metrics").forEach(m -> declared.add(m.get("Name").asText()));
        assertEquals(Set.of("Requests", "Status4xx", "Status5xx", "Throttled", "Latency", "ReadUnits", "WriteUnits",
                "ColdStart", "QueryCalls", "ItemsEvaluated", "PartialPages"), declared);
        assertFalse(get.has("orphanedObjects"), "get-item deletes no object");
        JsonNode refused = line(3);
        assertEquals(400, refused.get("status").asInt());
        assertEquals("INVALID_LIMIT", refused.get("errorCode").asText());
        assertEquals(1, refused.get("Status4xx").asInt());
        assertEquals(0, refused.get("queryCalls").asInt());
    }

    @Test
    void aPartialPageIsCounted() throws Exception {
        String user = TestApi.newUser();
        var handler = append(RequestLog.Level.INFO);
        for (int i = 0; i < 3; i++) {
            handler.handleRequest(GatewayEvents.request(ApiRoute.CREATE_COLLECTION).as(user).body("{\"images\":[]}").build(), null);
        }
        var service = new com.userimages.core.service.ListCollectionsService(DynamoDbExtension.components().collectionRepository(),
                new com.userimages.core.pagination.PageTokenCodec(com.userimages.core.pagination.PageTokenSecrets.of(DynamoDbExtension.PAGE_TOKEN_SECRET, null)),
                new com.userimages.core.pagination.ReadBudget(1, 1));
        new ListPageHandler(wired(RequestLog.Level.INFO).listCollectionsService(service).build())
                .handleRequest(GatewayEvents.request(ApiRoute.LIST_COLLECTIONS).as(user).query("minImages", "1").build(), null);
        JsonNode listing = line(3);
        assertTrue(listing.get("partial").asBoolean(), listing.toString());
        assertEquals(1, listing.get("PartialPages").asInt());
    }

    @Test
    void warnKeepsMetricsOnlyForSuccessAndClientErrorsAndTheFullLineForFailures() throws Exception {
        String user = TestApi.newUser();
        var handler = append(RequestLog.Level.WARN);
        handler.handleRequest(GatewayEvents.request(ApiRoute.CREATE_COLLECTION).as(user).body("{\"images\":[]}").build(), null);
        handler.handleRequest(GatewayEvents.request(ApiRoute.CREATE_COLLECTION).as(user).body("{").build(), null);
        var failing = new GetItemHandler(wired(RequestLog.Level.WARN).collectionService(service(failingWith(RequestLineTest::throttling))).build());
        failing.handleRequest(get(user), null);

        assertEquals(3, lines.size(), "WARN never drops a request's metrics");
        for (int i = 0; i < 2; i++) {
            JsonNode metricsOnly = line(i);
            assertNull(metricsOnly.get("requestId"), metricsOnly.toString());
            assertNull(metricsOnly.get("status"));
            assertNull(metricsOnly.get("callerHash"));
            assertEquals(1, metricsOnly.get("Requests").asInt());
            assertEquals("append-collection", metricsOnly.get("function").asText());
        }
        assertEquals(1, line(1).get("Status4xx").asInt());
        JsonNode throttled = line(2);
        assertEquals(429, throttled.get("status").asInt());
        assertEquals("WARN", throttled.get("level").asText());
        assertEquals(1, throttled.get("Throttled").asInt());
    }

    @Test
    void aThrottledOrFailedDatabaseLeavesItsAwsErrorCodeAndRequestId() throws Exception {
        String user = TestApi.newUser();
        var throttled = new GetItemHandler(wired(RequestLog.Level.INFO).collectionService(service(failingWith(RequestLineTest::throttling))).build());
        APIGatewayV2HTTPResponse r = throttled.handleRequest(get(user), new FakeContext("lambda-req-t"));
        assertEquals(429, r.getStatusCode());
        var unavailable = new GetItemHandler(wired(RequestLog.Level.INFO).collectionService(service(failingWith(() -> DynamoDbException.builder().statusCode(500)
                .requestId("DDB-REQ-500").awsErrorDetails(AwsErrorDetails.builder().errorCode("InternalServerError")
                        .errorMessage("internal detail").build()).build()))).build());
        assertEquals(503, unavailable.handleRequest(get(user), null).getStatusCode());
        var timeout = new GetItemHandler(wired(RequestLog.Level.INFO).collectionService(service(failingWith(() -> ApiCallAttemptTimeoutException.create(5000)))).build());
        assertEquals(503, timeout.handleRequest(get(user), null).getStatusCode());

        JsonNode t = line(0);
        assertEquals("THROTTLED", t.get("errorCode").asText());
        assertEquals("ProvisionedThroughputExceededException", t.get("awsErrorCode").asText());
        assertEquals("DDB-REQ-429", t.get("awsErrorRequestId").asText());
        assertEquals("lambda-req-t", t.get("awsRequestId").asText());
        JsonNode u = line(1);
        assertEquals(503, u.get("status").asInt());
        assertEquals("WARN", u.get("level").asText());
        assertEquals("InternalServerError", u.get("awsErrorCode").asText());
        assertEquals("DDB-REQ-500", u.get("awsErrorRequestId").asText());
        assertEquals(1, u.get("Status5xx").asInt());
        JsonNode o = line(2);
        assertTrue(o.get("causeType").asText().endsWith("ApiCallAttemptTimeoutException"));
        for (String l : lines) {
            assertFalse(l.contains("secret internals") || l.contains("internal detail"), "no SDK message in the line: " + l);
        }
        // Nothing of it reaches the response.
        assertFalse(r.getBody().contains("DDB-REQ") || r.getBody().contains("Provisioned"), r.getBody());
    }

    @Test
    void theApiExceptionKeepsTheSdkCause() {
        SdkException sdk = throttling();
        ApiException api = DynamoDbErrors.translate(sdk);
        assertEquals(429, api.status());
        assertSame(sdk, api.getCause());
        SdkException timeout = ApiCallAttemptTimeoutException.create(5000);
        assertSame(timeout, DynamoDbErrors.translate(timeout).getCause());
    }

    @Test
    void anUnexpectedFailureIsAnErrorLineWithFramesButNoMessage() throws Exception {
        String user = TestApi.newUser();
        var handler = new GetItemHandler(wired(RequestLog.Level.WARN).collectionService(service(failingWith(() -> {
            throw new IllegalStateException("message quoting " + user);
        }))).build());
        assertEquals(500, handler.handleRequest(get(user), null).getStatusCode());
        JsonNode e = line(0);
        assertEquals("ERROR", e.get("level").asText());
        assertEquals("INTERNAL_ERROR", e.get("errorCode").asText());
        assertEquals("java.lang.IllegalStateException", e.get("causeType").asText());
        assertTrue(e.get("stackTrace").size() > 0);
        assertFalse(lines.get(0).contains("message quoting"));
    }

    @Test
    void hostileEventValuesCannotSplitOrBloatTheLine() throws Exception {
        String user = TestApi.newUser();
        APIGatewayV2HTTPEvent event = get(user);
        event.getRequestContext().setRequestId("forged\n{\"level\":\"INFO\"}\u2028\r" + "x".repeat(5000));
        event.setRouteKey("GET /collections/{collectionId}\n");
        event.getRequestContext().setRouteKey("GET /collections/{collectionId}\n");
        new GetItemHandler(wired(RequestLog.Level.INFO).build())
                .handleRequest(event, new FakeContext("ctx\nforged"));
        String l = lines.get(0);
        assertFalse(l.contains("\n") || l.contains("\r") || l.contains("\u2028"), l);
        assertTrue(l.chars().allMatch(c -> c >= 0x20 && c < 0x7f), "ASCII only: " + l);
        JsonNode n = line(0);
        assertEquals(128, n.get("requestId").asText().length());
        assertEquals(RequestLine.UNMATCHED_ROUTE, n.get("routeKey").asText());
        assertTrue(EmfValidator.violations(l).isEmpty());
    }

    @Test
    void thePrimingRequestIsNotLoggedAndLeavesTheColdStart() {
        var handler = new GetItemHandler(wired(RequestLog.Level.INFO).build());
        handler.handleRequest(com.userimages.core.priming.PrimingRequests.forFunction(ApiFunction.GET_ITEM).orElseThrow(), null);
        assertEquals(0, lines.size());
        handler.handleRequest(get(TestApi.newUser()), null);
        assertEquals(1, lines.size());
        assertTrue(lines.get(0).contains("\"coldStart\":true"));
    }

    private static APIGatewayV2HTTPEvent get(String user) {
        return GatewayEvents.request(ApiRoute.GET_COLLECTION).as(user).path("collectionId", UUID.randomUUID().toString()).build();
    }

    private CollectionService service(DynamoDbClient client) {
        return new CollectionService(new CollectionRepository(client, "user_images"), bounds);
    }

    private static SdkException throttling() {
        return ProvisionedThroughputExceededException.builder().statusCode(400).requestId("DDB-REQ-429")
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("ProvisionedThroughputExceededException")
                        .errorMessage("secret internals").build()).build();
    }

    private static DynamoDbClient failingWith(Supplier<SdkException> fault) {
        return new DynamoDbClient() {
            @Override public String serviceName() { return "dynamodb"; }
            @Override public void close() {}
            @Override public GetItemResponse getItem(GetItemRequest request) { throw fault.get(); }
        };
    }

    /** A Lambda context carrying only a request id. */
    private record FakeContext(String awsRequestId) implements Context {
        @Override public String getAwsRequestId() { return awsRequestId; }
        @Override public String getLogGroupName() { return "/aws/lambda/test"; }
        @Override public String getLogStreamName() { return "stream"; }
        @Override public String getFunctionName() { return "test"; }
        @Override public String getFunctionVersion() { return "$LATEST"; }
        @Override public String getInvokedFunctionArn() { return "arn:aws:lambda:us-east-1:000000000000:function:test"; }
        @Override public CognitoIdentity getIdentity() { return null; }
        @Override public ClientContext getClientContext() { return null; }
        @Override public int getRemainingTimeInMillis() { return 30_000; }
        @Override public int getMemoryLimitInMB() { return 512; }
        @Override public LambdaLogger getLogger() { return null; }
    }
}
