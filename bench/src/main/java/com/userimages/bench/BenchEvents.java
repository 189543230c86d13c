package com.userimages.bench;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent.RequestContext;
import com.userimages.core.ApiFunction;
import com.userimages.core.ApiRoute;
import com.userimages.core.Scopes;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** One representative payload 2.0 event per function, as the gateway sends it after its JWT authorizer. */
final class BenchEvents {
    private BenchEvents() {}

    static APIGatewayV2HTTPEvent forFunction(ApiFunction function, String user, String collectionId) {
        return switch (function) {
            case CREATE_TABLE -> event(ApiRoute.CREATE_TABLE, user, Map.of(), Map.of(), null, List.of(Scopes.ADMIN));
            case APPEND_COLLECTION -> event(ApiRoute.APPEND_IMAGES, user, Map.of("collectionId", collectionId), Map.of(),
                    "{\"images\":[{\"imageId\":\"" + UUID.randomUUID() + "\",\"url\":\"https://bench.example/i.png\"}]}", null);
            case GET_ITEM -> event(ApiRoute.GET_COLLECTION, user, Map.of("collectionId", collectionId), Map.of(), null, null);
            case LIST_PAGE -> event(ApiRoute.LIST_COLLECTIONS, user, Map.of(), Map.of("limit", "20"), null, null);
        };
    }

    private static APIGatewayV2HTTPEvent event(ApiRoute route, String user, Map<String, String> path,
                                               Map<String, String> query, String body, List<String> scopes) {
        String rawPath = route.pathTemplate();
        for (var e : path.entrySet()) rawPath = rawPath.replace("{" + e.getKey() + "}", e.getValue());
        return APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0")
                .withRouteKey(route.routeKey())
                .withRawPath(rawPath)
                .withHeaders(Map.of("content-type", "application/json"))
                .withPathParameters(path.isEmpty() ? null : path)
                .withQueryStringParameters(query.isEmpty() ? null : query)
                .withBody(body)
                .withRequestContext(RequestContext.builder()
                        .withRouteKey(route.routeKey())
                        .withStage("$default")
                        .withRequestId(UUID.randomUUID().toString())
                        .withHttp(RequestContext.Http.builder().withMethod(route.method()).withPath(rawPath).build())
                        .withAuthorizer(RequestContext.Authorizer.builder()
                                .withJwt(new RequestContext.Authorizer.JWT(Map.of("sub", user), scopes)).build())
                        .build())
                .build();
    }
}
