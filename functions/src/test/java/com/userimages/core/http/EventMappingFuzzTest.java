package com.userimages.core.http;

import com.userimages.core.json.JsonBody;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent.RequestContext;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.userimages.contract.ApiRoute;
import com.userimages.contract.Subjects;
import com.userimages.core.model.Bounds;
import com.userimages.core.http.CollectionRequests;
import com.userimages.core.model.Ids;
import com.userimages.core.observability.RequestLine;
import com.userimages.core.observability.RequestLog;
import com.userimages.core.http.ListQueryParser;
import com.userimages.testing.EmfValidator;
import com.userimages.testing.TestLogs;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The event → request mapping of every route (caller, path parameters, query parameters, body),
 * through HandlerSupport with a request line, on fuzzed payload 2.0 events: whatever the event, the
 * answer is the mapping's success (a 200 stub standing in for the service call) or a 4xx in API.md's
 * error shape; never a 5xx; a caller is read only for a usable sub; the request line is valid EMF
 * and never holds the sub. No database: the mapping ends before any service call.
 * Regression inputs: EventMappingFuzzTestInputs/.
 */
class EventMappingFuzzTest {
    private static final CollectionRequests REQUESTS = new CollectionRequests(new Bounds(100, 1000), 10, Clock.systemUTC());
    private static final ApiRoute[] ROUTES = ApiRoute.values();

    @FuzzTest(maxDuration = "3m")
    void anyEventMapsOrIsRefusedWith4xx(FuzzedDataProvider data) {
        ApiRoute route = ROUTES[data.consumeInt(0, ROUTES.length - 1)];
        String routeKey = data.consumeBoolean() ? route.routeKey() : data.consumeString(40);
        Map<String, String> claims = null;
        String sub = null;
        if (data.consumeBoolean()) {
            claims = new HashMap<>();
            if (data.consumeBoolean()) {
                sub = data.consumeString(300);
                claims.put("sub", sub);
            }
            if (data.consumeBoolean()) claims.put("scope", data.consumeString(40));
        }
        List<String> scopes = data.consumeBoolean() ? List.of(data.consumeString(20)) : null;
        Map<String, String> path = new HashMap<>();
        for (int i = data.consumeInt(0, 2); i > 0; i--) {
            path.put(data.pickValue(List.of("collectionId", "imageId", "x")), data.consumeString(60));
        }
        Map<String, String> query = new HashMap<>();
        for (int i = data.consumeInt(0, 3); i > 0; i--) {
            query.put(data.pickValue(List.of("limit", "order", "from", "to", "minImages", "nextToken", "other")), data.consumeString(60));
        }
        boolean base64 = data.consumeBoolean();
        String body = data.consumeBoolean() ? null : data.consumeRemainingAsString();

        APIGatewayV2HTTPEvent event = APIGatewayV2HTTPEvent.builder()
                .withRouteKey(routeKey).withPathParameters(path.isEmpty() ? null : path)
                .withQueryStringParameters(query.isEmpty() ? null : query).withBody(body).withIsBase64Encoded(base64)
                .withRequestContext(RequestContext.builder().withRouteKey(routeKey).withRequestId("fuzz")
                        .withAuthorizer(claims == null ? null : RequestContext.Authorizer.builder()
                                .withJwt(new RequestContext.Authorizer.JWT(claims, scopes)).build()).build())
                .build();
        List<String> lines = new ArrayList<>();
        APIGatewayV2HTTPResponse response = HandlerSupport.handle(RequestLog.of(route.function(), RequestLog.Level.INFO, lines::add),
                event, null, request -> {
                    Caller caller = request.caller();
                    assertTrue(Subjects.isUsable(caller.userId()), "an unusable sub became a caller");
                    switch (route) {
                        case CREATE_TABLE -> caller.requireScope("images/admin");
                        case CREATE_COLLECTION -> REQUESTS.parseCreate(request.jsonObjectBody());
                        case APPEND_IMAGES -> {
                            Ids.parse(request.pathParameter("collectionId"), "collectionId");
                            REQUESTS.parseAppend(request.jsonObjectBody());
                        }
                        case GET_COLLECTION -> Ids.parse(request.pathParameter("collectionId"), "collectionId");
                        case GET_IMAGE -> {
                            Ids.parse(request.pathParameter("collectionId"), "collectionId");
                            Ids.parse(request.pathParameter("imageId"), "imageId");
                        }
                        case LIST_COLLECTIONS -> ListQueryParser.parse(request.queryParameters());
                    }
                    return ApiResponses.json(200, new JsonBody("{}"));
                });
        int status = response.getStatusCode();
        assertTrue(status == 200 || (status >= 400 && status < 500), () -> status + " " + response.getBody());
        if (status != 200) {
            JsonNode error;
            try {
                error = Json.MAPPER.readTree(response.getBody()).get("error");
            } catch (Exception e) {
                throw new AssertionError("error body is not JSON: " + response.getBody());
            }
            assertEquals(3, error.size());
            assertFalse(response.getBody().contains("Exception"), response.getBody());
        }
        assertEquals(1, lines.size());
        assertEquals(List.of(), EmfValidator.violations(lines.getFirst()));
        // The line holds only fields of fixed forms, and the sub in none of its free-form ones (a sub may
        // well be a substring of a route key or a metric name: those are the line's own vocabulary).
        assertEquals(List.of(), TestLogs.fieldProblems(lines.getFirst()));
        JsonNode line = parse(lines.getFirst());
        if (line.has("callerHash")) assertEquals(RequestLine.callerHash(sub), line.get("callerHash").asText());
        // Longer than every free-form value the line can hold here (the 16-digit hash, the request id
        // "fuzz"), so containing it would mean it was copied, not a coincidence of short strings.
        if (sub != null && sub.length() > 16) {
            for (String field : List.of("requestId", "awsRequestId", "callerHash", "causeType", "awsErrorCode", "awsErrorRequestId")) {
                JsonNode value = line.get(field);
                assertFalse(value != null && value.isTextual() && value.asText().contains(sub), "the raw sub reached the log");
            }
        }
    }

    private static JsonNode parse(String json) {
        try {
            return Json.MAPPER.readTree(json);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + json);
        }
    }
}
