package com.userimages.handlers;

import static com.userimages.testing.Responses.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent.RequestContext;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.userimages.contract.Setting;
import com.userimages.contract.UserImagesTable;
import com.userimages.core.http.Json;
import com.userimages.testing.DynamoDbExtension;
import com.userimages.testing.Responses;
import com.userimages.testing.TestApi;
import com.userimages.core.http.GatewayEvents;
import com.userimages.testing.TestLogs;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import com.userimages.contract.hostile.CorpusPlaceholders;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

/**
 * The hostile-input corpus ({@code hostile/corpus.json}, see {@code generate_corpus.py} for its
 * format), replayed against the real handlers in-process on the test engine. Each case must answer
 * its documented status and code in API.md's error shape — never a 5xx, a stack trace, an exception
 * name or an AWS detail, nor a response header with a line break — and the whole table must be
 * exactly as it was before the corpus ran.
 */
@ExtendWith(DynamoDbExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileCorpusTest {
    private static final List<String> LEAKS = List.of("Exception", "\tat ", "at com.", "at java.", "java.", "software.amazon",
            "amazonaws", "com.userimages", "Service:", "Status Code:", "Request ID:", "StackTrace", "Caused by");

    /** Built in {@link #seed()}: the handlers' Lambda wiring reads settings the extension sets first. */
    private TestApi api;
    private Map<String, RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>> functions;
    private final Map<String, String> values = new HashMap<>();
    private Map<String, Map<String, AttributeValue>> before;

    @BeforeAll
    void seed() {
        api = new TestApi();
        functions = Map.of("append-collection", new AppendCollectionHandler(DynamoDbExtension.components()), "get-item", new GetItemHandler(DynamoDbExtension.components()),
                "list-page", new ListPageHandler(DynamoDbExtension.components()), "create-table", new CreateTableHandler(DynamoDbExtension.components()),
                "delete-item", new DeleteItemHandler(DynamoDbExtension.components()));
        String owner = "corpus-owner-" + UUID.randomUUID();
        String other = "corpus-other-" + UUID.randomUUID();
        String imageId = UUID.randomUUID().toString();
        String collectionId = expect(201, api.create(owner, "{\"timestamp\":\"2026-01-01T00:00:00Z\",\"images\":[{\"imageId\":\""
                + imageId + "\",\"url\":\"https://owner.example/1.png\"},{\"url\":\"https://owner.example/2.png\"}]}"))
                .get("imagesCollectionId").asText();
        expect(201, api.create(owner, "{\"timestamp\":\"2026-01-02T00:00:00Z\",\"images\":[]}"));
        expect(201, api.create(owner, "{\"timestamp\":\"2026-01-03T00:00:00Z\",\"images\":[{\"url\":\"https://owner.example/3.png\"}]}"));
        String otherCollectionId = expect(201, api.create(other, "{\"images\":[{\"url\":\"https://other.example/1.png\"}]}"))
                .get("imagesCollectionId").asText();
        String token = expect(200, api.list(owner, "limit", "1")).get("pagination").get("nextToken").asText();
        values.putAll(Map.of("owner", owner, "other", other, "collectionId", collectionId, "imageId", imageId,
                "otherCollectionId", otherCollectionId, "token", token));
        TestLogs.forbid(token);
        before = scanTable();
    }

    @TestFactory
    Stream<DynamicNode> everyCaseAnswersItsDocumented4xx() throws Exception {
        JsonNode corpus;
        try (InputStream in = getClass().getResourceAsStream("/hostile/corpus.json")) {
            corpus = Json.MAPPER.readTree(in);
        }
        List<DynamicNode> tests = new ArrayList<>();
        Map<String, Integer> perCategory = new TreeMap<>();
        for (JsonNode c : corpus.get("cases")) {
            if (!c.path("inProcess").asBoolean(true)) continue;
            perCategory.merge(c.get("category").asText(), 1, Integer::sum);
            tests.add(DynamicTest.dynamicTest(c.get("id").asText() + " " + printable(c.get("description").asText()), () -> run(c)));
        }
        assertTrue(tests.size() >= 300, "the corpus keeps at least 300 in-process cases, has " + tests.size());
        System.out.println("hostile corpus, in-process cases per category: " + perCategory);
        tests.add(DynamicTest.dynamicTest("the stored data is byte-for-byte unchanged",
                () -> assertEquals(before, scanTable(), "the corpus changed stored data")));
        return tests.stream();
    }

    private void run(JsonNode c) {
        JsonNode request = c.get("request");
        String function = request.get("function").asText();
        APIGatewayV2HTTPResponse response = functions.get(function).handleRequest(event(request), null);
        int status = c.get("expect").get("status").asInt();
        String code = c.get("expect").get("code").asText();
        String body = response.getBody();
        assertTrue(response.getStatusCode() < 500, () -> "a 5xx: " + body);
        assertEquals(status, response.getStatusCode(), () -> "status; body: " + body);
        JsonNode error = Responses.body(response).get("error");
        assertEquals(code, error.get("code").asText(), () -> "code; body: " + body);
        assertFalse(error.get("message").asText().isBlank());
        assertFalse(error.get("requestId").asText().isBlank());
        assertEquals(3, error.size(), () -> "exactly API.md's error fields: " + body);
        for (String leak : LEAKS) assertFalse(body.contains(leak), () -> "leaks " + leak + ": " + body);
        assertEquals("application/json", response.getHeaders().get("content-type"));
        response.getHeaders().forEach((name, value) -> assertFalse(value.contains("\r") || value.contains("\n")
                || value.length() > 200, () -> "unsafe header " + name + ": " + value));
    }

    private APIGatewayV2HTTPEvent event(JsonNode request) {
        String route = resolve(request.get("route").asText());
        Map<String, String> path = strings(request.get("pathParameters"));
        Map<String, String> query = strings(request.get("query"));
        Map<String, String> headers = strings(request.get("headers"));
        JsonNode claimsNode = request.get("claims");
        Map<String, String> claims = claimsNode == null || claimsNode.isNull() ? null : strings(claimsNode);
        if (claims != null) TestLogs.forbid(claims.get("sub"));
        query.values().forEach(TestLogs::forbid);
        JsonNode scopesNode = request.get("scopes");
        List<String> scopes = null;
        if (scopesNode != null && !scopesNode.isNull()) {
            scopes = new ArrayList<>();
            for (JsonNode s : scopesNode) scopes.add(resolve(s.asText()));
        }
        String rawPath = route.contains(" ") ? route.substring(route.indexOf(' ') + 1) : route;
        for (var p : path.entrySet()) rawPath = rawPath.replace("{" + p.getKey() + "}", p.getValue());
        JsonNode body = request.get("body");
        String method = route.contains(" ") ? route.substring(0, route.indexOf(' ')) : "GET";
        return APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0")
                .withRouteKey(route)
                .withRawPath(rawPath)
                .withRawQueryString("")
                .withHeaders(headers)
                .withQueryStringParameters(query.isEmpty() ? null : query)
                .withPathParameters(path.isEmpty() ? null : path)
                .withBody(body == null || body.isNull() ? null : resolve(body.asText()))
                .withIsBase64Encoded(request.path("isBase64Encoded").asBoolean(false))
                .withRequestContext(RequestContext.builder()
                        .withRouteKey(route)
                        .withStage("$default")
                        .withRequestId("corpus-" + UUID.randomUUID())
                        .withHttp(RequestContext.Http.builder().withMethod(method).withPath(rawPath).withProtocol("HTTP/1.1")
                                .withSourceIp("203.0.113.66").withUserAgent("hostile-corpus").build())
                        .withAuthorizer(claims == null ? null : RequestContext.Authorizer.builder()
                                .withJwt(new RequestContext.Authorizer.JWT(claims, scopes)).build())
                        .build())
                .build();
    }

    private Map<String, String> strings(JsonNode object) {
        Map<String, String> map = new LinkedHashMap<>();
        if (object == null || object.isNull()) return map;
        object.fields().forEachRemaining(e -> map.put(resolve(e.getKey()), resolve(e.getValue().asText())));
        return map;
    }

    /** The corpus' placeholders, expanded with this runner's seeded values. */
    String resolve(String text) {
        return CorpusPlaceholders.resolve(text, values);
    }

    private static Map<String, Map<String, AttributeValue>> scanTable() {
        Map<String, Map<String, AttributeValue>> items = new TreeMap<>();
        Map<String, AttributeValue> start = null;
        do {
            ScanRequest.Builder scan = ScanRequest.builder().tableName(DynamoDbExtension.tableName()).consistentRead(true);
            if (start != null) scan.exclusiveStartKey(start);
            ScanResponse response = DynamoDbExtension.client().scan(scan.build());
            for (Map<String, AttributeValue> item : response.items()) {
                items.put(item.get(UserImagesTable.PARTITION_KEY).s() + "\u0000" + item.get(UserImagesTable.SORT_KEY).s(), item);
            }
            start = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty() ? response.lastEvaluatedKey() : null;
        } while (start != null);
        return items;
    }

    private static String printable(String s) {
        StringBuilder b = new StringBuilder();
        s.codePoints().forEach(cp -> b.append(cp >= 0x20 && cp < 0x7f ? String.valueOf((char) cp) : String.format("\\u%04x", cp)));
        return b.toString();
    }
}
