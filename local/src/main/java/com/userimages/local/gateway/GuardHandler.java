package com.userimages.local.gateway;

import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import java.util.function.Predicate;

/**
 * A wrapper of one check, as Jetty's own are: a request the check does not admit is answered here
 * with the gateway's reply (its note for the console line), before anything behind it runs; every
 * other is handed on, as the subclass lets the handlers behind it see it. Each subclass is one
 * check and its one answer.
 */
abstract class GuardHandler extends Handler.Wrapper {
    private final Predicate<Request> admits;
    private final GatewayEndpoint.Handled refusal;

    /**
     * @param admits  true for a request the handlers behind this one may see
     * @param refusal the answer to every other
     */
    GuardHandler(Handler handler, Predicate<Request> admits, GatewayEndpoint.Handled refusal) {
        super(handler);
        this.admits = admits;
        this.refusal = refusal;
    }

    /** The request the handlers behind this one get: the same one, unless the subclass watches its body. */
    Request admitted(Request request) {
        return request;
    }

    @Override
    public final boolean handle(Request request, Response response, Callback callback) throws Exception {
        if (!admits.test(request)) {
            GatewayResponses.answer(request, response, callback, refusal);
            return true;
        }
        return super.handle(admitted(request), response, callback);
    }
}
