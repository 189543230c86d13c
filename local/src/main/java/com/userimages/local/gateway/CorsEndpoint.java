package com.userimages.local.gateway;

import java.util.List;
import java.util.Optional;

/**
 * API Gateway's CORS in front of the other endpoints, on only when origins are configured: it answers
 * every preflight itself (no OPTIONS route needed) — 204 with the allow headers for an allowed origin,
 * a bare 204 for any other — and on every other response replaces whatever CORS headers it carries
 * with the configured ones when the origin is allowed, or none.
 */
public final class CorsEndpoint implements GatewayEndpoint {
    private final CorsPolicy policy;
    private final List<GatewayEndpoint> endpoints;

    public CorsEndpoint(CorsPolicy policy, List<GatewayEndpoint> endpoints) {
        this.policy = policy;
        this.endpoints = List.copyOf(endpoints);
    }

    @Override
    public Optional<Handled> handle(IncomingRequest request, String requestId) {
        String origin = request.header("origin");
        Optional<String> allowed = policy.allowedOrigin(origin);
        if (isPreflight(request)) {
            // The console never shows an unlisted origin: only whether it was allowed.
            return Optional.of(allowed.map(o -> new Handled(policy.preflight(o), "(CORS preflight)"))
                    .orElseGet(() -> new Handled(new GatewayReply(204, java.util.Map.of(), new byte[0]),
                            "(CORS preflight, origin not allowed)")));
        }
        for (GatewayEndpoint endpoint : endpoints) {
            Optional<Handled> handled = endpoint.handle(request, requestId);
            if (handled.isPresent()) {
                return Optional.of(new Handled(policy.actual(handled.get().reply(), allowed), handled.get().note()));
            }
        }
        return Optional.empty();
    }

    /** OPTIONS with Origin and Access-Control-Request-Method, as a browser sends before a cross-origin call. */
    static boolean isPreflight(IncomingRequest request) {
        return request.method().equals("OPTIONS") && request.header("origin") != null
                && request.header("access-control-request-method") != null;
    }
}
