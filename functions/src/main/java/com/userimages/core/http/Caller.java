package com.userimages.core.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.userimages.contract.Subjects;
import com.userimages.core.error.ApiException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The verified caller: the JWT {@code sub} and scopes that the authorizer put in the event. Only
 * the authorizer context is trusted; an {@code Authorization} header is never decoded here.
 */
public record Caller(String userId, Set<String> scopes) {
    public Caller {
        scopes = Set.copyOf(scopes);
    }

    public static Caller from(APIGatewayV2HTTPEvent event) {
        var context = event.getRequestContext();
        var authorizer = context == null ? null : context.getAuthorizer();
        var jwt = authorizer == null ? null : authorizer.getJwt();
        Map<String, String> claims = jwt == null ? null : jwt.getClaims();
        if (claims == null || claims.isEmpty()) {
            throw new ApiException.Unauthorized("The request carries no verified identity.");
        }
        String sub = claims.get("sub");
        // API.md: the partition key is exactly the sub, so only a sub that survives UTF-8 unchanged
        // (no unpaired surrogate) and has no control characters is one.
        if (!Subjects.isUsable(sub)) {
            throw new ApiException.Unauthorized("The token's subject is missing or unusable.");
        }
        return new Caller(sub, scopesOf(jwt.getScopes(), claims));
    }

    /** API.md: {@code jwt.scopes} if present, else the space-separated {@code scope} claim, else {@code scp}. */
    private static Set<String> scopesOf(List<String> jwtScopes, Map<String, String> claims) {
        if (jwtScopes != null && !jwtScopes.isEmpty()) return Set.copyOf(jwtScopes);
        String raw = claims.get("scope");
        if (raw == null || raw.isBlank()) raw = claims.get("scp");
        if (raw == null || raw.isBlank()) return Set.of();
        // API Gateway flattens an array claim to "[a b]"; a plain claim is "a b".
        String flat = raw.strip();
        if (flat.startsWith("[") && flat.endsWith("]")) flat = flat.substring(1, flat.length() - 1);
        return Arrays.stream(flat.split("[\\s,]+")).filter(s -> !s.isEmpty()).collect(Collectors.toUnmodifiableSet());
    }

    public void requireScope(String scope) {
        requireAnyScope(List.of(scope));
    }

    /** Any one of these scopes; none listed means no scope is needed. */
    public void requireAnyScope(List<String> anyOf) {
        if (anyOf.isEmpty() || anyOf.stream().anyMatch(scopes::contains)) return;
        throw new ApiException.Forbidden(anyOf.size() == 1
                ? "This operation needs the scope " + anyOf.getFirst() + "."
                : "This operation needs one of the scopes " + String.join(", ", anyOf) + ".");
    }
}
