package com.userimages.local.gateway;

import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import java.nio.ByteBuffer;
import java.util.Set;

/** Writes a {@link GatewayReply} as Jetty's response: what every gateway handler answers with. */
final class GatewayResponses {
    /** Hop-by-hop, length and id headers the gateway sets itself; a function cannot set them. */
    private static final Set<String> GATEWAY_OWNED_HEADERS =
            Set.of("content-length", "transfer-encoding", "connection", "date", RequestIdHandler.HEADER);

    private GatewayResponses() {}

    /**
     * Answers with the reply and leaves its note and error code for the console line.
     *
     * @param note why, for the console (never anything taken from the request unescaped: the line escapes it)
     */
    static void answer(Request request, Response response, Callback callback, GatewayEndpoint.Handled handled) {
        if (!handled.note().isEmpty()) request.setAttribute(RequestLogHandler.NOTE, handled.note());
        String code = RequestLogHandler.errorCode(handled.reply());
        if (!code.isEmpty()) request.setAttribute(RequestLogHandler.CODE, code);
        write(request, response, callback, handled.reply());
    }

    private static void write(Request request, Response response, Callback callback, GatewayReply reply) {
        response.setStatus(reply.status());
        HttpFields.Mutable headers = response.getHeaders();
        reply.headers().forEach((name, values) -> {
            if (!GATEWAY_OWNED_HEADERS.contains(name)) values.forEach(v -> headers.add(name, v));
        });
        headers.put(RequestIdHandler.HEADER, RequestIdHandler.of(request));
        byte[] body = reply.body();
        boolean noBody = body.length == 0 || reply.status() == 204 || reply.status() == 304 || request.getMethod().equals("HEAD");
        if (noBody) {
            response.write(true, null, callback);
        } else {
            headers.put(HttpHeader.CONTENT_LENGTH, body.length);
            response.write(true, ByteBuffer.wrap(body), callback);
        }
    }
}
