package com.userimages.local.gateway;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * With CORS on, a response depends on the request's Origin (its CORS headers do), so every response —
 * with or without an Origin, allowed or not, a 304 and the gateway's own refusals included — says
 * {@code Vary: Origin}: a cache, the browser's own included, then never hands one origin's response to
 * another.
 */
final class VaryOriginHandler extends Handler.Wrapper {
    VaryOriginHandler(Handler handler) {
        super(handler);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        response.getHeaders().add(HttpHeader.VARY, "Origin");
        return super.handle(request, response, callback);
    }
}
