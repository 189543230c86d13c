package com.userimages.local.gateway;

import org.eclipse.jetty.http.HttpCompliance;
import org.eclipse.jetty.http.HttpParser;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.internal.HttpConnection;
import org.eclipse.jetty.util.thread.Scheduler;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * HTTP/1.1 connections on which every request — the first on the connection or the tenth — must
 * complete its headers within the header timeout of its first byte, or the connection is closed
 * without a response. Jetty has an idle timeout, which every byte restarts, so a client sending one
 * byte every few seconds would hold a request's headers open for ever. Only the parser knows where
 * a request begins and where its headers end, so the timer is kept by the connection's parser: armed
 * when it meets a request's first byte, disarmed when the headers are complete.
 *
 * <p>Jetty's own {@link HttpConnection} is extended (an internal class, the one its
 * {@link HttpConnectionFactory} makes) only to hand it this parser.
 */
final class HeaderDeadlineConnectionFactory extends HttpConnectionFactory {
    private final Duration timeout;

    HeaderDeadlineConnectionFactory(HttpConfiguration configuration, Duration timeout) {
        super(configuration);
        this.timeout = timeout;
    }

    @Override
    public Connection newConnection(Connector connector, EndPoint endPoint) {
        var deadline = new HeaderDeadline(connector.getScheduler(), endPoint, timeout);
        HttpConnection connection = new DeadlineConnection(getHttpConfiguration(), connector, endPoint, deadline);
        connection.setTransferEncodingChunkMaxLength(getTransferEncodingChunkMaxLength());
        return configure(connection, connector, endPoint);
    }

    /** One connection's timer; armed at most once per request. */
    static final class HeaderDeadline {
        private final Scheduler scheduler;
        private final EndPoint endPoint;
        private final long millis;
        private Scheduler.Task task;
        private long generation;

        HeaderDeadline(Scheduler scheduler, EndPoint endPoint, Duration timeout) {
            this.scheduler = scheduler;
            this.endPoint = endPoint;
            this.millis = timeout.toMillis();
        }

        /** A request's first byte: starts the timer unless this request's is already running. */
        synchronized void arm() {
            if (task != null) return;
            long armed = ++generation;
            task = scheduler.schedule(() -> expire(armed), millis, TimeUnit.MILLISECONDS);
        }

        /** The request's headers are complete, or the connection is gone. */
        synchronized void disarm() {
            if (task == null) return;
            task.cancel();
            task = null;
        }

        private void expire(long armed) {
            synchronized (this) {
                // A timer that fired as it was cancelled, or one of an earlier request, closes nothing.
                if (task == null || generation != armed) return;
                task = null;
            }
            endPoint.close();
        }
    }

    private static final class DeadlineConnection extends HttpConnection {
        private final HeaderDeadline deadline;

        DeadlineConnection(HttpConfiguration configuration, Connector connector, EndPoint endPoint, HeaderDeadline deadline) {
            // Assigned before super(): HttpConnection's constructor calls newHttpParser, which needs it.
            this.deadline = deadline;
            super(configuration, connector, endPoint);
        }

        /**
         * Jetty's own parser, configured as {@link HttpConnection#newHttpParser} configures it, with the
         * timer around it. It must report to the connection's one request handler (the connection reads
         * a bad message's failure from it): taken from the parser Jetty makes, as newRequestHandler()
         * would make another.
         */
        @Override
        protected HttpParser newHttpParser(HttpCompliance compliance) {
            var handler = (HttpParser.RequestHandler) super.newHttpParser(compliance).getHandler();
            HttpParser parser = new DeadlineParser(handler, getHttpConfiguration().getRequestHeaderSize(), compliance, deadline);
            parser.setHeaderCacheSize(getHttpConfiguration().getHeaderCacheSize());
            parser.setHeaderCacheCaseSensitive(getHttpConfiguration().isHeaderCacheCaseSensitive());
            return parser;
        }

        @Override
        public void onClose(Throwable cause) {
            deadline.disarm();
            super.onClose(cause);
        }
    }

    private static final class DeadlineParser extends HttpParser {
        private final HeaderDeadline deadline;

        DeadlineParser(RequestHandler handler, int maxHeaderBytes, HttpCompliance compliance, HeaderDeadline deadline) {
            super(handler, maxHeaderBytes, compliance);
            this.deadline = deadline;
        }

        /**
         * Bytes in the start state are a new request's first (blank lines before a request count too:
         * they hold the connection as well); past the header states the headers are complete, or the
         * parser has refused them and the connection ends.
         */
        @Override
        public boolean parseNext(ByteBuffer buffer) {
            if (buffer.hasRemaining() && isStart()) deadline.arm();
            boolean handle = super.parseNext(buffer);
            if (!inHeaderState()) deadline.disarm();
            return handle;
        }
    }
}
