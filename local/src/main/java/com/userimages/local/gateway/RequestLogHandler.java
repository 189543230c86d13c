package com.userimages.local.gateway;

import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import com.fasterxml.jackson.databind.JsonNode;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.io.PrintStream;

/**
 * The console's account of each request, around whatever handles it. In the {@link LogFormat#HUMAN}
 * format one line: {@code METHOD PATH -> STATUS [CODE] (N ms) note id=REQUEST_ID}, e.g.
 * {@code POST /collections -> 400 INVALID_JSON (2 ms) [append-collection] id=Mc7UVioPPHcEKPA=}.
 * CODE, for a 4xx or 5xx only, is the function's {@code error.code}, or for the gateway's own
 * {@code {"message"}} replies that message as a code ({@code UNAUTHORIZED}, {@code NOT_FOUND}), the
 * gateway's reason then in the note; the id is the {@code apigw-requestid} the client got. Method,
 * path, code and note are escaped (the code comes from a response body, the rest from the client's
 * bytes); the note and code are what the inner handler left in the {@link #NOTE} and {@link #CODE}
 * attributes. In the {@link LogFormat#JSON} format only a request the gateway refused itself gets a
 * line here, of the functions' shape; a function writes its own.
 */
final class RequestLogHandler extends Handler.Wrapper {
    static final String NOTE = RequestLogHandler.class.getName() + ".note";
    static final String CODE = RequestLogHandler.class.getName() + ".code";
    static final String LOGGED = RequestLogHandler.class.getName() + ".logged";
    private static final int MAX_CODE = 64;
    private static final int MAX_PATH = 512;
    private static final int MAX_NOTE = 512;
    private static final int MAX_REQUEST_ID = 64;

    private final PrintStream log;
    private final LogFormat format;

    RequestLogHandler(Handler handler, PrintStream log, LogFormat format) {
        super(handler);
        this.log = log;
        this.format = format;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        long started = System.nanoTime();
        request.setAttribute(LOGGED, Boolean.TRUE);
        Callback logging = new Callback() {
            @Override
            public void succeeded() {
                log(request, response.getStatus(), started);
                callback.succeeded();
            }

            @Override
            public void failed(Throwable x) {
                log(request, response.getStatus(), started);
                callback.failed(x);
            }

            @Override
            public InvocationType getInvocationType() {
                return callback.getInvocationType();
            }
        };
        return super.handle(request, response, logging);
    }

    private void log(Request request, int status, long started) {
        long millis = (System.nanoTime() - started) / 1_000_000;
        Object note = request.getAttribute(NOTE);
        Object code = request.getAttribute(CODE);
        print(log, format, request.getMethod(), request.getHttpURI().getPath(), status, code == null ? "" : code.toString(), millis,
                note == null ? "" : note.toString(), RequestIdHandler.of(request));
    }

    /**
     * What the console shows for one request: its human line, or, in the JSON format and only for a
     * request the gateway refused (no function ran: the note names none), the JSON request line of
     * the functions' shape.
     *
     * @param requestId the {@code apigw-requestid} the client got
     */
    static void print(PrintStream log, LogFormat format, String method, String rawPath, int status, String code, long millis,
                      String note, String requestId) {
        switch (format) {
            case HUMAN -> log.println(line(method, rawPath, status, code, millis, note, requestId));
            case JSON -> {
                if (status >= 400 && !note.startsWith("[")) log.println(gatewayRequestLine(status, code, millis, requestId));
            }
        }
    }

    /**
     * The JSON request line (API.md, "Function configuration") for a request no function saw: the
     * gateway's own 400/401/403/404/408/413/501. Nothing of the request is in it: the line above has the
     * escaped method and path, and a refused token or its {@code sub} never reaches a log. Its
     * {@code requestId} is the {@code apigw-requestid} the client got, so the two can be matched.
     */
    static String gatewayRequestLine(int status, String code, long millis, String requestId) {
        ObjectNode line = GatewayJson.MAPPER.createObjectNode()
                .put("timestamp", Instant.now().toString())
                .put("level", status >= 500 ? "WARN" : "INFO")
                .put("requestId", requestId)
                .put("function", "gateway")
                .put("status", status);
        if (!code.isEmpty()) line.put("errorCode", ConsoleText.escape(code, MAX_CODE));
        line.put("latencyMs", millis);
        try {
            return GatewayJson.MAPPER.writeValueAsString(line);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @param code the error code, or empty (a 2xx/3xx, or none known) */
    static String line(String method, String rawPath, int status, String code, long millis, String note, String requestId) {
        return ConsoleText.escape(method, 32) + " " + ConsoleText.escape(rawPath, MAX_PATH) + " -> " + status
                + (code.isEmpty() ? "" : " " + ConsoleText.escape(code, MAX_CODE))
                + " (" + millis + " ms)" + (note.isEmpty() ? "" : " " + ConsoleText.escape(note, MAX_NOTE))
                + " id=" + ConsoleText.escape(requestId, MAX_REQUEST_ID);
    }

    /**
     * The error code of a 4xx/5xx reply: the functions' {@code {"error":{"code"}}}, or the gateway's
     * {@code {"message":"Not Found"}} as {@code NOT_FOUND}; empty for a success or a body without either.
     */
    static String errorCode(GatewayReply reply) {
        if (reply.status() < 400) return "";
        try {
            JsonNode body = GatewayJson.MAPPER.readTree(reply.body());
            if (body == null) return "";
            JsonNode code = body.path("error").path("code");
            if (code.isTextual()) return code.asText();
            JsonNode message = body.path("message");
            if (message.isTextual()) return gatewayCode(message.asText());
        } catch (IOException | RuntimeException notJson) {
            // A body that is not JSON has no code; the status says enough.
        }
        return "";
    }

    /** "Request Entity Too Large" as REQUEST_ENTITY_TOO_LARGE. */
    static String gatewayCode(String message) {
        return message.trim().replaceAll("[^A-Za-z0-9]+", "_").toUpperCase(java.util.Locale.ROOT);
    }
}
