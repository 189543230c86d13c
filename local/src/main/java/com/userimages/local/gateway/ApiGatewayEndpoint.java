package com.userimages.local.gateway;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.userimages.local.auth.JwtAuthorizer;

import java.time.Clock;
import java.util.Optional;

/**
 * What API Gateway does between the client and a function, in its order: the route (404 when none),
 * the JWT authorizer (401/403 — the function never runs), the event, the function, the response.
 */
public final class ApiGatewayEndpoint implements GatewayEndpoint {
    private final RouteMatcher routes;
    private final JwtAuthorizer authorizer;
    private final FunctionIntegration functions;
    private final Clock clock;

    public ApiGatewayEndpoint(RouteMatcher routes, JwtAuthorizer authorizer, FunctionIntegration functions, Clock clock) {
        this.routes = routes;
        this.authorizer = authorizer;
        this.functions = functions;
        this.clock = clock;
    }

    @Override
    public Optional<Handled> handle(IncomingRequest request, String requestId) {
        RouteMatcher.Match match = routes.match(request.method(), request.rawPath());
        if (match == null) return Optional.of(new Handled(GatewayReply.notFound(), "(no such route)"));

        JwtAuthorizer.Result result = authorizer.authorize(request.header("authorization"), match.route());
        if (result instanceof JwtAuthorizer.Denied denied) {
            return Optional.of(new Handled(denial(denied), "(" + denied.description() + ")"));
        }
        JwtAuthorizer.Allowed allowed = (JwtAuthorizer.Allowed) result;
        APIGatewayV2HTTPEvent event = HttpEventFactory.create(request, match.route(), match.pathParameters(), allowed,
                requestId, clock.instant());
        FunctionIntegration.Outcome outcome = functions.invoke(match.route().function(), event);
        String note = "[" + match.route().function().functionName() + "]";
        if (outcome.failed()) return Optional.of(new Handled(GatewayReply.internalServerError(), note + " " + outcome.failure()));
        GatewayReply reply = GatewayReply.fromFunction(outcome.response());
        return Optional.of(new Handled(reply, reply.status() == 500 && outcome.response().getStatusCode() != 500
                ? note + " (the function's response was not usable)" : note));
    }

    /**
     * As API Gateway: the body says only "Unauthorized"/"Forbidden"; the reason is in www-authenticate.
     * The reasons are the authorizer's fixed texts; they are still reduced to header-safe characters here.
     */
    static GatewayReply denial(JwtAuthorizer.Denied denied) {
        String reason = ConsoleText.headerParameter(denied.description(), 100);
        if (denied.status() == 403) {
            return GatewayReply.message(403, "Forbidden").withHeader("www-authenticate",
                    "Bearer scope=\"" + ConsoleText.headerParameter(String.join(" ", denied.requiredScopes()), 200)
                            + "\" error=\"insufficient_scope\" error_description=\"" + reason + "\"");
        }
        return GatewayReply.message(401, "Unauthorized").withHeader("www-authenticate",
                "Bearer scope=\"\" error=\"invalid_token\" error_description=\"" + reason + "\"");
    }
}
