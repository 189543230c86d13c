package com.userimages.local.gateway;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;

/**
 * Refuses, as soon as the headers are parsed and before anything routes the request (the token
 * endpoint, the docs and the JWKS included), a request whose {@code Host} is not one of the
 * {@link AllowedHosts}, or that has none: 403 {@code {"message":"Host not allowed"}}. The parser has
 * already refused two Hosts, a Host with a control character, an HTTP/1.1 request without one, and an
 * absolute-form target whose authority is not the Host (400); an HTTP/1.0 request may have no Host,
 * and then its target's authority, if any, is not ours either. The refused name is never logged.
 */
final class AllowedHostsHandler extends GuardHandler {
    AllowedHostsHandler(AllowedHosts hosts, Handler handler) {
        super(handler, request -> hosts.allows(request.getHeaders().get(HttpHeader.HOST)),
                new GatewayEndpoint.Handled(GatewayReply.message(403, "Host not allowed"), "(Host not allowed)"));
    }
}
