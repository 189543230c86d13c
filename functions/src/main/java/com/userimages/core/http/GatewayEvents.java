package com.userimages.core.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent.RequestContext;
import com.userimages.contract.ApiRoute;
import com.userimages.contract.Scopes;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds a payload 2.0 event as the HTTP API sends it after its JWT authorizer accepted a token.
 * For requests the functions make of themselves (priming), for benchmarks and for the tests; never
 * for anything a caller sends.
 */
public final class GatewayEvents {
    private static final List<String> USER_SCOPES = List.of(Scopes.USER);
    private static final Pattern PATH_PARAMETER = Pattern.compile("\\{([^}]+)}");

    private final ApiRoute route;
    private final Map<String, String> pathParameters = new LinkedHashMap<>();
    private final Map<String, String> query = new LinkedHashMap<>();
    private final List<String> rawQuery = new ArrayList<>();
    private final Map<String, String> headers = new LinkedHashMap<>(Map.of("content-type", "application/json"));
    private Map<String, String> claims; // null: no authorizer context at all
    private List<String> scopes; // null: the token carried no scope claim
    private String body;
    private boolean base64;

    private GatewayEvents(ApiRoute route) {
        this.route = route;
    }

    /** An event for this route; without {@link #as} it carries no authorizer context. */
    public static GatewayEvents request(ApiRoute route) {
        return new GatewayEvents(route);
    }

    /** The one-call form: an event authorized for {@code sub} with these scopes (null: a user's, {@code images/user}). */
    public static APIGatewayV2HTTPEvent authorized(ApiRoute route, String sub, Map<String, String> pathParameters,
                                                   Map<String, String> query, String body, List<String> scopes) {
        GatewayEvents event = request(route).claims(Map.of("sub", sub)).body(body);
        event.scopes = scopes == null ? USER_SCOPES : scopes;
        pathParameters.forEach(event::path);
        query.forEach(event::query);
        return event.build();
    }

    /**
     * As the authorizer passes a token with this subject and these scopes; none given: a signed-in
     * user's access token, scope {@code images/user} (the gateway lets no token without a scope through).
     */
    public GatewayEvents as(String sub, String... scopeList) {
        this.claims = Map.of("sub", sub);
        this.scopes = scopeList.length == 0 ? USER_SCOPES : List.of(scopeList);
        return this;
    }

    /** A token with this subject and no scope claim at all, as an ID token is. */
    public GatewayEvents asWithoutScopes(String sub) {
        this.claims = Map.of("sub", sub);
        this.scopes = null;
        return this;
    }

    /** The authorizer's claims exactly as given (any shape, for testing what a handler accepts). */
    public GatewayEvents claims(Map<String, String> claims) {
        this.claims = claims;
        return this;
    }

    public GatewayEvents path(String name, String value) {
        pathParameters.put(name, value);
        return this;
    }

    /** As API Gateway does, a repeated name's values are joined with commas; the raw query string keeps each pair. */
    public GatewayEvents query(String name, String value) {
        query.merge(name, value, (first, next) -> first + "," + next);
        rawQuery.add(URLEncoder.encode(name, StandardCharsets.UTF_8) + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
        return this;
    }

    public GatewayEvents header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public GatewayEvents body(String json) {
        this.body = json;
        this.base64 = false;
        return this;
    }

    public GatewayEvents base64Body(String encoded) {
        this.body = encoded;
        this.base64 = true;
        return this;
    }

    public APIGatewayV2HTTPEvent build() {
        Matcher m = PATH_PARAMETER.matcher(route.pathTemplate());
        StringBuilder path = new StringBuilder();
        while (m.find()) m.appendReplacement(path, Matcher.quoteReplacement(pathParameters.getOrDefault(m.group(1), "")));
        m.appendTail(path);
        String rawPath = path.toString();
        Instant now = Instant.now();
        RequestContext.Authorizer authorizer = claims == null ? null
                : RequestContext.Authorizer.builder().withJwt(new RequestContext.Authorizer.JWT(claims, scopes)).build();
        return APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0")
                .withRouteKey(route.routeKey())
                .withRawPath(rawPath)
                .withRawQueryString(String.join("&", rawQuery))
                .withHeaders(Map.copyOf(headers))
                .withPathParameters(pathParameters.isEmpty() ? null : Map.copyOf(pathParameters))
                .withQueryStringParameters(query.isEmpty() ? null : Map.copyOf(query))
                .withBody(body)
                .withIsBase64Encoded(base64)
                .withRequestContext(RequestContext.builder()
                        .withRouteKey(route.routeKey())
                        .withStage("$default")
                        .withRequestId(UUID.randomUUID().toString())
                        .withTime(now.toString())
                        .withTimeEpoch(now.toEpochMilli())
                        .withHttp(RequestContext.Http.builder()
                                .withMethod(route.method()).withPath(rawPath).withProtocol("HTTP/1.1").build())
                        .withAuthorizer(authorizer)
                        .build())
                .build();
    }
}
