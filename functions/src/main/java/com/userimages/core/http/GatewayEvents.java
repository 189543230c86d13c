package com.userimages.core.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent.RequestContext;
import com.userimages.contract.ApiRoute;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Builds a payload 2.0 event as the HTTP API sends it after its JWT authorizer accepted a token
 * with this {@code sub}. For requests the functions make of themselves (priming) and for benchmarks;
 * never for anything a caller sends.
 */
public final class GatewayEvents {
    private GatewayEvents() {}

    public static APIGatewayV2HTTPEvent authorized(ApiRoute route, String sub, Map<String, String> pathParameters,
                                                   Map<String, String> query, String body, List<String> scopes) {
        String rawPath = route.pathTemplate();
        for (var p : pathParameters.entrySet()) rawPath = rawPath.replace("{" + p.getKey() + "}", p.getValue());
        Instant now = Instant.now();
        return APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0")
                .withRouteKey(route.routeKey())
                .withRawPath(rawPath)
                .withRawQueryString(query.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                        .collect(Collectors.joining("&")))
                .withHeaders(Map.of("content-type", "application/json"))
                .withPathParameters(pathParameters.isEmpty() ? null : Map.copyOf(pathParameters))
                .withQueryStringParameters(query.isEmpty() ? null : Map.copyOf(query))
                .withBody(body)
                .withRequestContext(RequestContext.builder()
                        .withRouteKey(route.routeKey())
                        .withStage("$default")
                        .withRequestId(UUID.randomUUID().toString())
                        .withTime(now.toString())
                        .withTimeEpoch(now.toEpochMilli())
                        .withHttp(RequestContext.Http.builder()
                                .withMethod(route.method()).withPath(rawPath).withProtocol("HTTP/1.1").build())
                        .withAuthorizer(RequestContext.Authorizer.builder()
                                .withJwt(new RequestContext.Authorizer.JWT(Map.of("sub", sub), scopes)).build())
                        .build())
                .build();
    }
}
