package com.userimages.local.gateway;

import java.util.Optional;

/**
 * One part of what the gateway serves, independent of the HTTP server library: the API's routes,
 * or the development issuer's endpoints. The first endpoint that answers a request wins.
 */
@FunctionalInterface
public interface GatewayEndpoint {

    /** Empty when the request is not this endpoint's. */
    Optional<Handled> handle(IncomingRequest request, String requestId);

    /** @param note for the console line after the status (fixed texts or escaped values only); may be empty */
    record Handled(GatewayReply reply, String note) {
        public static Handled of(GatewayReply reply) { return new Handled(reply, ""); }
    }
}
