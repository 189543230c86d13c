package com.userimages.local.runtime;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.userimages.contract.ApiRoute;
import com.userimages.local.auth.JwtAuthorizer;
import com.userimages.local.gateway.HttpEventFactory;
import com.userimages.local.gateway.IncomingRequest;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The events the server hands its own functions while it starts (the table, the demo data): built by
 * the gateway's event factory with verified claims, so the functions see exactly what a caller's
 * request would give them and nothing of their logic is copied here.
 */
final class StartupEvents {
    static final String USER_AGENT = "user-images-local";

    private StartupEvents() {}

    /**
     * @param rawPath the route's path with its parameters filled in
     * @param body    a JSON body, or null for none
     * @param sub     the caller the claims name
     */
    static APIGatewayV2HTTPEvent of(ApiRoute route, String rawPath, Map<String, String> pathParameters, String body,
                                    String sub, String scope) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("host", List.of("127.0.0.1"));
        headers.put("user-agent", List.of(USER_AGENT));
        if (body != null) headers.put("content-type", List.of("application/json"));
        IncomingRequest request = new IncomingRequest(route.method(), rawPath, "", headers,
                body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8), "127.0.0.1", "HTTP/1.1", 0);
        Instant now = Instant.now();
        Map<String, String> claims = new LinkedHashMap<>();
        claims.put("sub", sub);
        claims.put("scope", scope);
        claims.put("iat", Long.toString(now.getEpochSecond()));
        claims.put("exp", Long.toString(now.getEpochSecond() + 60));
        return HttpEventFactory.create(request, route, pathParameters, new JwtAuthorizer.Allowed(claims, List.of(scope)),
                UUID.randomUUID().toString(), now);
    }
}
