package com.userimages.local.gateway;

import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * Gives every request the id API Gateway would: sent back in {@code apigw-requestid}, handed to the
 * function (its event's {@code requestContext.requestId}), and the {@code requestId} of the gateway's
 * own request line, so a client's id finds the console line of its request.
 */
final class RequestIdHandler extends Handler.Wrapper {
    static final String HEADER = "apigw-requestid";
    private static final String ATTRIBUTE = RequestIdHandler.class.getName() + ".id";
    private static final SecureRandom RANDOM = new SecureRandom();

    RequestIdHandler(Handler handler) {
        super(handler);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String id = newRequestId();
        request.setAttribute(ATTRIBUTE, id);
        response.getHeaders().put(HEADER, id);
        return super.handle(request, response, callback);
    }

    /** The request's id; a fresh one (then also set) for a request that never came through this handler. */
    static String of(Request request) {
        if (request.getAttribute(ATTRIBUTE) instanceof String id) return id;
        String id = newRequestId();
        request.setAttribute(ATTRIBUTE, id);
        return id;
    }

    /** Shaped like API Gateway's request ids (e.g. "Mc7UVioPPHcEKPA="). */
    static String newRequestId() {
        byte[] bytes = new byte[10];
        RANDOM.nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes).replace('/', 'A').replace('+', 'B');
    }
}
