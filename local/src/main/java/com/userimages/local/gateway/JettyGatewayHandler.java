package com.userimages.local.gateway;

import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeoutException;

/**
 * Where Jetty meets the endpoints: a request becomes an {@link IncomingRequest} (its body read
 * whole), the first {@link GatewayEndpoint} that answers it gives the {@link GatewayReply}, and that
 * is written back. The limits are the wrappers' in front of it, each its own concern
 * ({@link PercentEncodingHandler}, {@link BodySizeLimitHandler}, {@link BodyDeadlineHandler}); what
 * they make of the body's content (a {@link GatewayRefusal}, a {@link TimeoutException}) is answered
 * here, as is a body that is not well framed (400).
 */
final class JettyGatewayHandler extends Handler.Abstract {
    private final List<GatewayEndpoint> endpoints;

    JettyGatewayHandler(List<GatewayEndpoint> endpoints) {
        this.endpoints = List.copyOf(endpoints);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        GatewayEndpoint.Handled handled;
        try {
            handled = serve(request, RequestIdHandler.of(request));
        } catch (RuntimeException e) {
            handled = new GatewayEndpoint.Handled(GatewayReply.internalServerError(), e.toString());
        }
        GatewayResponses.answer(request, response, callback, handled);
        return true;
    }

    private GatewayEndpoint.Handled serve(Request request, String requestId) {
        String rawPath = request.getHttpURI().getPath();
        String rawQuery = request.getHttpURI().getQuery();
        byte[] body;
        try {
            body = readBody(request);
        } catch (GatewayRefusal refusal) {
            return refusal.answer();
        } catch (TimeoutException e) {
            return new GatewayEndpoint.Handled(GatewayReply.message(408, "Request Timeout"), "(the body stalled)");
        } catch (IOException e) {
            return new GatewayEndpoint.Handled(GatewayReply.message(400, "Bad Request"), "(malformed body)");
        }

        IncomingRequest incoming = new IncomingRequest(request.getMethod(), rawPath, rawQuery == null ? "" : rawQuery,
                headers(request.getHeaders()), body, Request.getRemoteAddr(request),
                request.getConnectionMetaData().getProtocol(), Request.getLocalPort(request));
        for (GatewayEndpoint endpoint : endpoints) {
            Optional<GatewayEndpoint.Handled> handled = endpoint.handle(incoming, requestId);
            if (handled.isPresent()) return handled.get();
        }
        return new GatewayEndpoint.Handled(GatewayReply.notFound(), "(no such route)");
    }

    /**
     * The body, whole. A wrapper in front that stops it makes its content fail: a
     * {@link GatewayRefusal} or, for one past its deadline or idle past the idle timeout, a
     * {@link TimeoutException}.
     */
    private static byte[] readBody(Request request) throws IOException, TimeoutException, GatewayRefusal {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            Content.Chunk chunk = request.read();
            if (chunk == null) {
                awaitContent(request);
                continue;
            }
            try {
                if (Content.Chunk.isFailure(chunk)) {
                    Throwable failure = chunk.getFailure();
                    if (failure instanceof GatewayRefusal refusal) throw refusal;
                    if (failure instanceof TimeoutException timeout) throw timeout;
                    throw failure instanceof IOException io ? io : new IOException(failure);
                }
                ByteBuffer bytes = chunk.getByteBuffer();
                byte[] copy = new byte[bytes.remaining()];
                bytes.get(copy);
                body.write(copy);
                if (chunk.isLast()) return body.toByteArray();
            } finally {
                chunk.release();
            }
        }
    }

    /** Blocks (a virtual thread) until more of the body is there, or its content has failed. */
    private static void awaitContent(Request request) throws IOException {
        CountDownLatch available = new CountDownLatch(1);
        request.demand(available::countDown);
        try {
            available.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while reading the body", e);
        }
    }

    private static Map<String, List<String>> headers(HttpFields fields) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (HttpField field : fields) {
            headers.computeIfAbsent(field.getName().toLowerCase(Locale.ROOT), n -> new ArrayList<>()).add(field.getValue());
        }
        return headers;
    }
}
