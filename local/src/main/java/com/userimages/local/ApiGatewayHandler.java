package com.userimages.local;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.userimages.local.auth.DevelopmentIssuer;
import com.userimages.local.auth.JwtAuthorizer;
import com.userimages.local.gateway.GatewayReply;
import com.userimages.local.gateway.HttpEventFactory;
import com.userimages.local.gateway.IncomingRequest;
import com.userimages.local.gateway.RouteMatcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What API Gateway does between the client and a function, in its order: the route (404 when none),
 * the JWT authorizer (401/403 — the function never runs), the event, the function, the response.
 * In development-issuer mode it also serves the issuer's JWKS and token endpoint.
 */
final class ApiGatewayHandler implements HttpHandler {
    /** The HTTP API's payload limit. The functions enforce their own, smaller, limit (413 from them). */
    static final int MAX_BODY_BYTES = 10 * 1024 * 1024;
    static final String JWKS_PATH = "/.well-known/jwks.json";
    static final String TOKEN_PATH = "/local/token";

    /** Hop-by-hop or length headers the gateway computes itself; a function cannot set them. */
    private static final Set<String> GATEWAY_OWNED_HEADERS = Set.of("content-length", "transfer-encoding", "connection", "date");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final RouteMatcher routes;
    private final JwtAuthorizer authorizer;
    private final DevelopmentIssuer developmentIssuer;
    private final FunctionInvoker invoker;
    private final PrintStream log;
    private final Clock clock;

    /** @param developmentIssuer null unless the server is its own issuer */
    ApiGatewayHandler(RouteMatcher routes, JwtAuthorizer authorizer, DevelopmentIssuer developmentIssuer,
                      FunctionInvoker invoker, PrintStream log, Clock clock) {
        this.routes = routes;
        this.authorizer = authorizer;
        this.developmentIssuer = developmentIssuer;
        this.invoker = invoker;
        this.log = log;
        this.clock = clock;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        long started = System.nanoTime();
        String requestId = newRequestId();
        String method = exchange.getRequestMethod();
        String rawPath = exchange.getRequestURI().getRawPath();
        String note = "";
        GatewayReply reply;
        try {
            byte[] body = readBody(exchange.getRequestBody());
            if (body == null) {
                reply = GatewayReply.message(413, "Request Entity Too Large");
            } else {
                IncomingRequest request = toRequest(exchange, body);
                Outcome outcome = route(request, requestId);
                reply = outcome.reply();
                note = outcome.note();
            }
        } catch (RuntimeException e) {
            reply = GatewayReply.internalServerError();
            note = e.toString();
        }
        try {
            write(exchange, reply, requestId);
        } finally {
            exchange.close();
            long millis = (System.nanoTime() - started) / 1_000_000;
            log.println(method + " " + rawPath + " -> " + reply.status() + " (" + millis + " ms)"
                    + (note.isEmpty() ? "" : " " + note));
        }
    }

    private record Outcome(GatewayReply reply, String note) {}

    private Outcome route(IncomingRequest request, String requestId) {
        if (developmentIssuer != null) {
            if (request.method().equals("GET") && request.rawPath().equals(JWKS_PATH)) {
                return new Outcome(GatewayReply.json(200, developmentIssuer.publicKeys().toString()), "");
            }
            if (request.method().equals("POST") && request.rawPath().equals(TOKEN_PATH)) {
                return issueToken(request);
            }
        }
        RouteMatcher.Match match = routes.match(request.method(), request.rawPath());
        if (match == null) return new Outcome(GatewayReply.notFound(), "(no such route)");

        JwtAuthorizer.Result result = authorizer.authorize(request.header("authorization"), match.route());
        if (result instanceof JwtAuthorizer.Denied denied) {
            return new Outcome(denial(denied), "(" + denied.description() + ")");
        }
        JwtAuthorizer.Allowed allowed = (JwtAuthorizer.Allowed) result;
        APIGatewayV2HTTPEvent event = HttpEventFactory.create(request, match.route(), match.pathParameters(), allowed,
                requestId, clock.instant());
        FunctionInvoker.Invocation invocation = invoker.invoke(match.route().function(), event);
        String note = "[" + match.route().function().functionName() + "]";
        if (invocation.failed()) return new Outcome(GatewayReply.internalServerError(), note + " " + invocation.error());
        GatewayReply reply = GatewayReply.fromFunction(invocation.response());
        return new Outcome(reply, reply.status() == 500 && invocation.response().getStatusCode() != 500
                ? note + " (the function's response was not usable)" : note);
    }

    /** As API Gateway: the body says only "Unauthorized"/"Forbidden"; the reason is in www-authenticate. */
    private static GatewayReply denial(JwtAuthorizer.Denied denied) {
        if (denied.status() == 403) {
            return GatewayReply.message(403, "Forbidden").withHeader("www-authenticate",
                    "Bearer scope=\"" + String.join(" ", denied.requiredScopes()) + "\" error=\"insufficient_scope\""
                            + " error_description=\"" + denied.description().replace("\"", "'") + "\"");
        }
        return GatewayReply.message(401, "Unauthorized").withHeader("www-authenticate",
                "Bearer scope=\"\" error=\"invalid_token\" error_description=\"" + denied.description().replace("\"", "'") + "\"");
    }

    private Outcome issueToken(IncomingRequest request) {
        JsonNode body;
        try {
            body = LambdaJson.MAPPER.readTree(request.body());
        } catch (IOException e) {
            body = null;
        }
        String problem = null;
        if (body == null || !body.isObject()) {
            problem = "send a JSON object: {\"sub\": \"alice\", \"scope\": \"images/admin\"}";
        } else {
            for (Iterator<String> names = body.fieldNames(); names.hasNext() && problem == null; ) {
                String name = names.next();
                if (!name.equals("sub") && !name.equals("scope")) problem = "unknown field '" + name + "': only sub and scope";
            }
            if (problem == null && !(body.path("sub").isTextual() && !body.path("sub").asText().isBlank())) {
                problem = "sub must be a non-empty string";
            }
            if (problem == null && body.has("scope") && !(body.get("scope").isTextual() || body.get("scope").isNull())) {
                problem = "scope must be a string of space-separated scopes";
            }
        }
        if (problem != null) {
            return new Outcome(GatewayReply.json(400, LambdaJson.write(Map.of("message", problem))), "");
        }
        String token = developmentIssuer.mint(body.get("sub").asText(), body.path("scope").isTextual() ? body.get("scope").asText() : null);
        return new Outcome(GatewayReply.json(200, LambdaJson.write(Map.of("token", token))), "(token for " + body.get("sub").asText() + ")");
    }

    /** The body, or null when it is larger than the gateway accepts. */
    private static byte[] readBody(InputStream in) throws IOException {
        try (in) {
            byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
            return body.length > MAX_BODY_BYTES ? null : body;
        }
    }

    private static IncomingRequest toRequest(HttpExchange exchange, byte[] body) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((name, values) ->
                headers.computeIfAbsent(name.toLowerCase(Locale.ROOT), n -> new ArrayList<>()).addAll(values));
        String rawQuery = exchange.getRequestURI().getRawQuery();
        return new IncomingRequest(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                rawQuery == null ? "" : rawQuery, headers, body,
                exchange.getRemoteAddress().getAddress().getHostAddress(), exchange.getProtocol(),
                exchange.getLocalAddress().getPort());
    }

    private static void write(HttpExchange exchange, GatewayReply reply, String requestId) throws IOException {
        Headers headers = exchange.getResponseHeaders();
        reply.headers().forEach((name, values) -> {
            if (!GATEWAY_OWNED_HEADERS.contains(name)) values.forEach(v -> headers.add(name, v));
        });
        headers.set("apigw-requestid", requestId);
        boolean noBody = reply.body().length == 0 || reply.status() == 204 || reply.status() == 304
                || exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(reply.status(), noBody ? -1 : reply.body().length);
        if (!noBody) exchange.getResponseBody().write(reply.body());
    }

    /** Shaped like API Gateway's request ids (e.g. "Mc7UVioPPHcEKPA="). */
    static String newRequestId() {
        byte[] bytes = new byte[10];
        RANDOM.nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes).replace('/', 'A').replace('+', 'B');
    }
}
