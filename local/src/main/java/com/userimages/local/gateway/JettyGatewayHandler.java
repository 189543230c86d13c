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
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The one place that speaks Jetty: a request becomes an {@link IncomingRequest} (body read within the
 * gateway's limits), the first {@link GatewayEndpoint} that answers it gives the {@link GatewayReply},
 * and that is written back. What the gateway refuses on its own — a body too large (413, before any
 * {@code 100 Continue}), a body that stalls (408), bad percent-encoding (400) — is answered here.
 */
final class JettyGatewayHandler extends Handler.Abstract {
    /** Declared or read, a body over the limit gets the same answer. */
    private static final GatewayEndpoint.Handled TOO_LARGE =
            new GatewayEndpoint.Handled(GatewayReply.message(413, "Request Entity Too Large"), "(the body is over 10 MB)");

    private final List<GatewayEndpoint> endpoints;
    private final GatewayLimits limits;

    JettyGatewayHandler(List<GatewayEndpoint> endpoints, GatewayLimits limits) {
        this.endpoints = List.copyOf(endpoints);
        this.limits = limits;
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
        if (!wellFormedPercentEncoding(rawPath) || !wellFormedPercentEncoding(rawQuery)) {
            return new GatewayEndpoint.Handled(GatewayReply.message(400, "Bad Request"), "(malformed percent-encoding)");
        }
        // A declared length over the limit is refused before the body is read, so a client waiting on
        // "Expect: 100-continue" never gets the 100 and never sends the body.
        if (request.getLength() > GatewayLimits.MAX_BODY_BYTES) {
            return TOO_LARGE;
        }
        byte[] body;
        try {
            body = readBody(request);
        } catch (TimeoutException e) {
            return new GatewayEndpoint.Handled(GatewayReply.message(408, "Request Timeout"), "(the body stalled)");
        } catch (IOException e) {
            return new GatewayEndpoint.Handled(GatewayReply.message(400, "Bad Request"), "(malformed body)");
        }
        if (body == null) return TOO_LARGE;

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
     * The body, or null when it is larger than the gateway accepts. It must arrive whole within the
     * body timeout of the end of the headers however it trickles (the idle timeout alone restarts with
     * every byte), and a stall past the idle timeout ends it too: either is a {@link TimeoutException}.
     */
    private byte[] readBody(Request request) throws IOException, TimeoutException {
        long deadline = request.getHeadersNanoTime() + limits.bodyTimeout().toNanos();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            Content.Chunk chunk = request.read();
            if (chunk == null) {
                awaitContent(request, deadline);
                continue;
            }
            try {
                if (Content.Chunk.isFailure(chunk)) {
                    Throwable failure = chunk.getFailure();
                    if (failure instanceof TimeoutException timeout) throw timeout;
                    throw failure instanceof IOException io ? io : new IOException(failure);
                }
                ByteBuffer bytes = chunk.getByteBuffer();
                if (body.size() + bytes.remaining() > GatewayLimits.MAX_BODY_BYTES) return null;
                byte[] copy = new byte[bytes.remaining()];
                bytes.get(copy);
                body.write(copy);
                if (chunk.isLast()) return body.toByteArray();
            } finally {
                chunk.release();
            }
            if (System.nanoTime() - deadline >= 0) throw new TimeoutException("the body did not arrive in time");
        }
    }

    /** Blocks (a virtual thread) until more of the body is there, or throws at the deadline. */
    private static void awaitContent(Request request, long deadline) throws IOException, TimeoutException {
        long left = deadline - System.nanoTime();
        if (left <= 0) throw new TimeoutException("the body did not arrive in time");
        CountDownLatch available = new CountDownLatch(1);
        request.demand(available::countDown);
        try {
            if (!available.await(left, TimeUnit.NANOSECONDS)) throw new TimeoutException("the body did not arrive in time");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while reading the body", e);
        }
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

    private static Map<String, List<String>> headers(HttpFields fields) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (HttpField field : fields) {
            headers.computeIfAbsent(field.getName().toLowerCase(Locale.ROOT), n -> new ArrayList<>()).add(field.getValue());
        }
        return headers;
    }
}
