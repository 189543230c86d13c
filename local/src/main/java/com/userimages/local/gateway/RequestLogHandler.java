package com.userimages.local.gateway;

import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import java.io.PrintStream;

/**
 * One console line per request, around whatever handles it:
 * {@code METHOD PATH -> STATUS (N ms) note}. Method and path are escaped (they are the client's bytes);
 * the note is what the inner handler left in the {@link #NOTE} attribute, escaped as well.
 */
final class RequestLogHandler extends Handler.Wrapper {
    static final String NOTE = RequestLogHandler.class.getName() + ".note";
    static final String LOGGED = RequestLogHandler.class.getName() + ".logged";
    private static final int MAX_PATH = 512;
    private static final int MAX_NOTE = 512;

    private final PrintStream log;

    RequestLogHandler(Handler handler, PrintStream log) {
        super(handler);
        this.log = log;
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
        log.println(line(request.getMethod(), request.getHttpURI().getPath(), status, millis,
                note == null ? "" : note.toString()));
    }

    static String line(String method, String rawPath, int status, long millis, String note) {
        return ConsoleText.escape(method, 32) + " " + ConsoleText.escape(rawPath, MAX_PATH) + " -> " + status
                + " (" + millis + " ms)" + (note.isEmpty() ? "" : " " + ConsoleText.escape(note, MAX_NOTE));
    }
}
