package com.userimages.local.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.userimages.contract.JsonMediaType;
import com.userimages.contract.RouteScopes;
import com.userimages.contract.Subjects;
import com.userimages.local.auth.DevelopmentIssuer;

import java.io.IOException;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/**
 * The development issuer's two endpoints, served only when the server is its own issuer:
 * {@code GET /.well-known/jwks.json} and {@code POST /local/token}. Neither needs a token.
 */
public final class DevelopmentIssuerEndpoint implements GatewayEndpoint {
    public static final String JWKS_PATH = "/.well-known/jwks.json";
    public static final String TOKEN_PATH = "/local/token";

    private final DevelopmentIssuer issuer;
    private final RouteScopes routeScopes;

    /** @param routeScopes the routes' scopes: a request that names no scope gets a user's ({@code images/user}) */
    public DevelopmentIssuerEndpoint(DevelopmentIssuer issuer, RouteScopes routeScopes) {
        this.issuer = issuer;
        this.routeScopes = routeScopes;
    }

    @Override
    public Optional<Handled> handle(IncomingRequest request, String requestId) {
        if (request.method().equals("GET") && request.rawPath().equals(JWKS_PATH)) {
            return Optional.of(Handled.of(GatewayReply.json(200, issuer.publicKeys().toString())));
        }
        if (request.method().equals("POST") && request.rawPath().equals(TOKEN_PATH)) {
            return Optional.of(issueToken(request));
        }
        return Optional.empty();
    }

    private Handled issueToken(IncomingRequest request) {
        // As the functions: a body sent as anything but JSON (a form, text) is not read as JSON.
        if (request.body().length > 0 && !JsonMediaType.accepts(request.header("content-type"))) {
            return Handled.of(GatewayReply.json(415, write(Map.of("message", JsonMediaType.SEND_JSON))));
        }
        JsonNode body;
        try {
            body = GatewayJson.MAPPER.readTree(request.body());
        } catch (IOException e) {
            body = null;
        }
        String problem = null;
        if (body == null || !body.isObject()) {
            problem = "send a JSON object: {\"sub\": \"bob\"} (optionally with \"scope\": \"" + routeScopes.everyRouteScopeClaim() + "\")";
        } else {
            for (Iterator<String> names = body.fieldNames(); names.hasNext() && problem == null; ) {
                String name = names.next();
                if (!name.equals("sub") && !name.equals("scope")) problem = "unknown field '" + name + "': only sub and scope";
            }
            if (problem == null && !(body.path("sub").isTextual() && !body.path("sub").asText().isBlank())) {
                problem = "sub must be a non-empty string";
            }
            if (problem == null && !Subjects.isUsable(body.get("sub").asText())) {
                problem = "sub must be 1 to 256 characters of well-formed Unicode without control characters";
            }
            if (problem == null && body.has("scope") && !(body.get("scope").isTextual() || body.get("scope").isNull())) {
                problem = "scope must be a string of space-separated scopes";
            }
        }
        if (problem != null) return Handled.of(GatewayReply.json(400, write(Map.of("message", problem))));
        // API.md: an absent or empty scope gives a user's scope, so a token asked for without one is usable.
        String scope = body.path("scope").isTextual() && !body.get("scope").asText().isBlank()
                ? body.get("scope").asText() : routeScopes.userScopeClaim();
        String token = issuer.mint(body.get("sub").asText(), scope);
        // Never the sub or the token on the console (API.md: no raw sub in any log).
        return new Handled(GatewayReply.json(200, write(Map.of("token", token))), "(token issued)");
    }

    private static String write(Object value) {
        try {
            return GatewayJson.MAPPER.writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }
}
