package com.userimages.testing;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent.RequestContext;
import com.userimages.contract.ApiRoute;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Builds payload 2.0 events as API Gateway's HTTP API sends them after its JWT authorizer. */
public final class TestEvents {
    private static final Pattern PATH_PARAM = Pattern.compile("\\{([^}]+)}");
    /** What the gateway would have verified: in the event's headers as in a real one, and never to be logged. */
    static final String BEARER_TOKEN = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ0ZXN0In0.c2lnbmF0dXJlLW5vdC1jaGVja2Vk";

    static {
        // Every handler test builds its events here: from the first one on, the request lines are checked.
        TestLogs.install();
        TestLogs.forbid(BEARER_TOKEN);
    }

    private final ApiRoute route;
    private final Map<String, String> pathParameters = new LinkedHashMap<>();
    private final Map<String, String> query = new LinkedHashMap<>();
    private Map<String, String> claims;
    private List<String> scopes;
    private String body;
    private boolean base64;

    private TestEvents(ApiRoute route) {
        this.route = route;
    }

    public static TestEvents request(ApiRoute route) {
        return new TestEvents(route);
    }

    /** A fresh user id, so tests never see each other's data. */
    public static String newUser() {
        return "user-" + UUID.randomUUID();
    }

    public TestEvents as(String sub, String... scopeList) {
        this.claims = new HashMap<>(Map.of("sub", sub, "iss", "https://issuer.example", "aud", "user-images"));
        TestLogs.forbid(sub);
        this.scopes = scopeList.length == 0 ? null : List.of(scopeList);
        return this;
    }

    public TestEvents claims(Map<String, String> claims) {
        this.claims = claims;
        if (claims != null) TestLogs.forbid(claims.get("sub"));
        return this;
    }

    public TestEvents path(String name, String value) {
        pathParameters.put(name, value);
        return this;
    }

    public TestEvents query(String name, String value) {
        query.put(name, value);
        if ("nextToken".equals(name)) TestLogs.forbid(value);
        return this;
    }

    public TestEvents body(String json) {
        this.body = json;
        return this;
    }

    public TestEvents base64Body(String encoded) {
        this.body = encoded;
        this.base64 = true;
        return this;
    }

    public APIGatewayV2HTTPEvent build() {
        Matcher m = PATH_PARAM.matcher(route.pathTemplate());
        StringBuilder rawPath = new StringBuilder();
        while (m.find()) m.appendReplacement(rawPath, Matcher.quoteReplacement(pathParameters.getOrDefault(m.group(1), "")));
        m.appendTail(rawPath);
        Instant now = Instant.now();
        RequestContext.Authorizer authorizer = claims == null ? null
                : RequestContext.Authorizer.builder().withJwt(new RequestContext.Authorizer.JWT(claims, scopes)).build();
        return APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0")
                .withRouteKey(route.routeKey())
                .withRawPath(rawPath.toString())
                .withRawQueryString(query.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("&")))
                .withHeaders(Map.of("content-type", "application/json", "host", "api.example",
                        "authorization", "Bearer " + BEARER_TOKEN))
                .withQueryStringParameters(query.isEmpty() ? null : Map.copyOf(query))
                .withPathParameters(pathParameters.isEmpty() ? null : Map.copyOf(pathParameters))
                .withBody(body)
                .withIsBase64Encoded(base64)
                .withRequestContext(RequestContext.builder()
                        .withRouteKey(route.routeKey())
                        .withStage("$default")
                        .withRequestId("req-" + UUID.randomUUID())
                        .withTime(now.toString())
                        .withTimeEpoch(now.toEpochMilli())
                        .withHttp(RequestContext.Http.builder()
                                .withMethod(route.method()).withPath(rawPath.toString())
                                .withProtocol("HTTP/1.1").withSourceIp("203.0.113.7").withUserAgent("tests").build())
                        .withAuthorizer(authorizer)
                        .build())
                .build();
    }
}
