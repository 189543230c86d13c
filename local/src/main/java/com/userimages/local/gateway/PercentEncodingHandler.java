package com.userimages.local.gateway;

import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;

/**
 * A path or query whose percent-encoding is malformed (a {@code %} not followed by two hex digits)
 * is answered 400 {@code {"message":"Bad Request"}} before its body is read: the route matcher and
 * the event's decoded parameters could not agree on what such a target means.
 */
final class PercentEncodingHandler extends GuardHandler {
    PercentEncodingHandler(Handler handler) {
        super(handler, PercentEncodingHandler::wellFormedTarget,
                new GatewayEndpoint.Handled(GatewayReply.message(400, "Bad Request"), "(malformed percent-encoding)"));
    }

    private static boolean wellFormedTarget(Request request) {
        return wellFormedPercentEncoding(request.getHttpURI().getPath()) && wellFormedPercentEncoding(request.getHttpURI().getQuery());
    }

    /** Every '%' followed by two hex digits; null (no query) is well-formed. */
    static boolean wellFormedPercentEncoding(String raw) {
        if (raw == null) return true;
        for (int i = raw.indexOf('%'); i >= 0; i = raw.indexOf('%', i + 1)) {
            if (i + 2 >= raw.length() || Character.digit(raw.charAt(i + 1), 16) < 0 || Character.digit(raw.charAt(i + 2), 16) < 0) {
                return false;
            }
        }
        return true;
    }
}
