package com.userimages.local.gateway;

import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import java.util.Optional;

/**
 * A wrapper of one check, as Jetty's own are: a request it refuses is answered here with the
 * gateway's reply (its note for the console line), before anything behind it runs; every other is
 * handed on, as the subclass lets the handlers behind it see it.
 */
abstract class GuardHandler extends Handler.Wrapper {
    GuardHandler(Handler handler) {
        super(handler);
    }

    /** The answer to a request refused here; empty lets it through. */
    abstract Optional<GatewayEndpoint.Handled> refusal(Request request);

    /** The request the handlers behind this one get: the same one, unless the subclass watches its body. */
    Request admitted(Request request) {
        return request;
    }

    @Override
    public final boolean handle(Request request, Response response, Callback callback) throws Exception {
        Optional<GatewayEndpoint.Handled> refused = refusal(request);
        if (refused.isPresent()) {
            GatewayResponses.answer(request, response, callback, refused.get());
            return true;
        }
        return super.handle(admitted(request), response, callback);
    }
}
