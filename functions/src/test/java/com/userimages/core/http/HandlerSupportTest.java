package com.userimages.core.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.userimages.contract.ApiFunction;
import com.userimages.contract.ApiRoute;
import com.userimages.core.model.Ids;
import com.userimages.core.observability.RequestLog;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The entry point to the tests of the one place an outcome becomes a response, with an action of
 * the test's own and no database. What the request line holds for each outcome, through the real
 * handlers, is in {@code RequestLineTest}; the scope check on every route in {@code RouteScopeCheckTest};
 * any event's mapping in {@link EventMappingFuzzTest}.
 */
class HandlerSupportTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String USER = "user-handler-support";

    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final RequestLog log = RequestLog.of(ApiFunction.GET_ITEM, RequestLog.Level.INFO, lines::add);
    private final AtomicInteger actionRuns = new AtomicInteger();

    private APIGatewayV2HTTPResponse handle(APIGatewayV2HTTPEvent event, Function<ApiRequest, APIGatewayV2HTTPResponse> action) {
        return HandlerSupport.handle(log, event, null, request -> {
            actionRuns.incrementAndGet();
            return action.apply(request);
        });
    }

    private static APIGatewayV2HTTPEvent getCollection(GatewayEvents event) {
        return event.path("collectionId", Ids.generate()).build();
    }

    private static JsonNode error(APIGatewayV2HTTPResponse response) throws Exception {
        return JSON.readTree(response.getBody()).path("error");
    }

    @Nested
    class Outcomes {
        @Test
        void anApiExceptionIsItsStatusAndErrorBodyWithTheEventsRequestId() throws Exception {
            APIGatewayV2HTTPEvent event = getCollection(GatewayEvents.request(ApiRoute.GET_COLLECTION).as(USER));
            APIGatewayV2HTTPResponse response = handle(event, request -> {
                Ids.parse("not-a-uuid", "collectionId");
                throw new AssertionError("Ids.parse accepted a non-UUID");
            });
            assertEquals(400, response.getStatusCode());
            JsonNode error = error(response);
            assertEquals("INVALID_ID", error.path("code").asText());
            assertEquals("collectionId must be a UUID.", error.path("message").asText());
            assertEquals(event.getRequestContext().getRequestId(), error.path("requestId").asText());
        }

        @Test
        void anUnexpectedExceptionIsABare500ThatNamesNothingOfIt() throws Exception {
            APIGatewayV2HTTPResponse response = handle(getCollection(GatewayEvents.request(ApiRoute.GET_COLLECTION).as(USER)),
                    request -> { throw new IllegalStateException("internal detail 42"); });
            assertEquals(500, response.getStatusCode());
            assertEquals("INTERNAL_ERROR", error(response).path("code").asText());
            assertFalse(response.getBody().contains("internal detail 42"), response.getBody());
            assertFalse(response.getBody().contains("IllegalStateException"), response.getBody());
        }

        @Test
        void theActionsResponseIsReturnedAsItIsAndLeavesOneLine() {
            APIGatewayV2HTTPResponse ok = APIGatewayV2HTTPResponse.builder().withStatusCode(204).build();
            assertEquals(ok, handle(getCollection(GatewayEvents.request(ApiRoute.GET_COLLECTION).as(USER)), request -> ok));
            assertEquals(1, lines.size(), lines.toString());
        }

        @Test
        void noEventAtAllIsAnEmptyRequestWithoutACaller() throws Exception {
            APIGatewayV2HTTPResponse response = HandlerSupport.handle(log, null, null, request -> {
                request.caller();
                throw new AssertionError("an event without claims had a caller");
            });
            assertEquals(401, response.getStatusCode());
            assertEquals("UNAUTHORIZED", error(response).path("code").asText());
        }
    }

    @Nested
    class Scopes {
        @Test
        void withoutClaimsTheActionNeverRuns() throws Exception {
            APIGatewayV2HTTPResponse response = handle(getCollection(GatewayEvents.request(ApiRoute.GET_COLLECTION)),
                    request -> APIGatewayV2HTTPResponse.builder().withStatusCode(200).build());
            assertEquals(401, response.getStatusCode());
            assertEquals(0, actionRuns.get());
        }

        @Test
        void aTokenWithoutTheRoutesScopeNeverRunsTheAction() throws Exception {
            APIGatewayV2HTTPResponse response = handle(getCollection(GatewayEvents.request(ApiRoute.GET_COLLECTION).as(USER, "openid")),
                    request -> APIGatewayV2HTTPResponse.builder().withStatusCode(200).build());
            assertEquals(403, response.getStatusCode());
            assertEquals("FORBIDDEN", error(response).path("code").asText());
            assertEquals(0, actionRuns.get());
        }

        @Test
        void aRouteOfAnotherFunctionIsLeftToTheActionUnchecked() {
            // list-page's route reaching get-item: the action answers it (404 in the handlers), even for a token without any scope.
            APIGatewayV2HTTPEvent event = GatewayEvents.request(ApiRoute.LIST_COLLECTIONS).asWithoutScopes(USER).build();
            APIGatewayV2HTTPResponse response = handle(event, request -> APIGatewayV2HTTPResponse.builder().withStatusCode(404).build());
            assertEquals(404, response.getStatusCode());
            assertEquals(1, actionRuns.get());
        }
    }

    @Nested
    class Claims {
        @Test
        void theCallerTheActionSeesIsTheTokensSub() {
            APIGatewayV2HTTPEvent event = getCollection(GatewayEvents.request(ApiRoute.GET_COLLECTION).as(USER));
            String[] seen = new String[1];
            HandlerSupport.handle(log, event, null, request -> {
                seen[0] = request.caller().userId();
                return APIGatewayV2HTTPResponse.builder().withStatusCode(200).build();
            });
            assertEquals(USER, seen[0]);
        }
    }
}
