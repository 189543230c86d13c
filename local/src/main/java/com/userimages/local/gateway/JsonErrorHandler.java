package com.userimages.local.gateway;

import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.BufferUtil;
import org.eclipse.jetty.util.Callback;

import java.io.PrintStream;
import java.nio.ByteBuffer;

/**
 * What Jetty itself answers — a request it cannot parse (bad Content-Length, bad chunk, bad URI,
 * headers too large) — in the gateway's shape: {@code {"message":"Bad Request"}} as JSON, never an
 * HTML page, a reason from the parser or an exception name. Each such refusal gets a console line.
 */
final class JsonErrorHandler extends ErrorHandler {
    private final PrintStream log;
    private final LogFormat format;
    private final boolean varyOrigin;

    /** @param varyOrigin CORS is on: every response, this one too, varies on Origin */
    JsonErrorHandler(PrintStream log, LogFormat format, boolean varyOrigin) {
        this.log = log;
        this.format = format;
        this.varyOrigin = varyOrigin;
    }

    static String message(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 404 -> "Not Found";
            case 408 -> "Request Timeout";
            case 413 -> "Request Entity Too Large";
            case 501 -> "Not Implemented";
            case 414 -> "Request-URI Too Long";
            case 431 -> "Request Header Fields Too Large";
            case 500 -> "Internal Server Error";
            case 503 -> "Service Unavailable";
            default -> status >= 500 ? "Internal Server Error" : HttpStatus.getMessage(status);
        };
    }

    /** The gateway's own {@code {"message"}} body, as {@link GatewayReply#message} writes it. */
    static byte[] body(int status) {
        return GatewayReply.message(status, message(status)).body();
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        int status = response.getStatus();
        Object attribute = request.getAttribute(ERROR_STATUS);
        if (attribute instanceof Integer code) status = code;
        if (status < 400 || status > 599) status = 500;
        // A version the gateway does not speak (HTTP/9.9) is Jetty's 505: bad input, so the client's 400.
        if (status == 505) status = 400;
        // A request the parser refused never reached the RequestIdHandler: its id is made here.
        String requestId = RequestIdHandler.of(request);
        if (request.getAttribute(RequestLogHandler.LOGGED) == null) {
            RequestLogHandler.print(log, format, request.getMethod(), request.getHttpURI() == null ? null
                    : request.getHttpURI().getPath(), status, RequestLogHandler.gatewayCode(message(status)), 0, "(malformed request)",
                    requestId);
        }
        response.setStatus(status);
        HttpFields.Mutable headers = response.getHeaders();
        headers.put(RequestIdHandler.HEADER, requestId);
        if (varyOrigin) headers.put(HttpHeader.VARY, "Origin");
        headers.put(HttpHeader.CONTENT_TYPE, "application/json");
        byte[] body = body(status);
        headers.put(HttpHeader.CONTENT_LENGTH, body.length);
        response.write(true, ByteBuffer.wrap(body), callback);
        return true;
    }

    /** Used when Jetty cannot even build a request to hand to {@link #handle}. */
    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(HttpHeader.CONTENT_TYPE, "application/json");
        if (varyOrigin) fields.put(HttpHeader.VARY, "Origin");
        return BufferUtil.toBuffer(body(status));
    }
}
