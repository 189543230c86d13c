package com.userimages.local.gateway;

import org.eclipse.jetty.http.HttpCompliance;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.util.List;
import java.util.concurrent.Executors;

/**
 * The gateway's HTTP server on 127.0.0.1 (Jetty, core Handler API). {@link #bind} takes the port
 * first, so a taken port fails in milliseconds; connections that arrive before {@link #start} wait
 * in the backlog and are then served.
 */
public final class GatewayServer implements AutoCloseable {
    /**
     * API Gateway hands raw paths to the route matcher, so encoded separators and the like are the
     * matcher's to judge ({@code %2F} is part of a path parameter); only unparseable URIs are refused.
     */
    private static final UriCompliance URI_COMPLIANCE = UriCompliance.RFC3986.with("user-images-local",
            UriCompliance.Violation.AMBIGUOUS_PATH_SEPARATOR, UriCompliance.Violation.AMBIGUOUS_PATH_ENCODING,
            UriCompliance.Violation.AMBIGUOUS_PATH_SEGMENT, UriCompliance.Violation.AMBIGUOUS_EMPTY_SEGMENT,
            UriCompliance.Violation.AMBIGUOUS_PATH_PARAMETER, UriCompliance.Violation.SUSPICIOUS_PATH_CHARACTERS);

    private final Server server;
    private final ServerConnector connector;
    private final GatewayLimits limits;
    private boolean closed;

    private GatewayServer(Server server, ServerConnector connector, GatewayLimits limits) {
        this.server = server;
        this.connector = connector;
        this.limits = limits;
    }

    /** @param port 0 picks a free one; the {@link java.net.BindException} is the cause when it is taken */
    public static GatewayServer bind(int port, GatewayLimits limits) throws IOException {
        QueuedThreadPool threads = new QueuedThreadPool();
        threads.setName("gateway");
        // Handlers block (body reads, the functions' DynamoDB calls): one virtual thread each.
        threads.setVirtualThreadsExecutor(Executors.newVirtualThreadPerTaskExecutor());
        Server server = new Server(threads);

        ServerConnector connector = new ServerConnector(server, new HeaderDeadlineConnectionFactory(httpConfiguration(), limits.headerTimeout()));
        connector.setHost(InetAddress.getLoopbackAddress().getHostAddress());
        connector.setPort(port);
        connector.setIdleTimeout(limits.idleTimeout().toMillis());
        server.addConnector(connector);
        server.addBean(new NetworkConnectionLimit(limits.maxConnections(), connector));
        try {
            connector.open();
        } catch (IOException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException(e.getMessage(), e);
        }
        return new GatewayServer(server, connector, limits);
    }

    /** How the gateway parses HTTP: API Gateway's header limit, its compliance with the RFCs. */
    static HttpConfiguration httpConfiguration() {
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        http.setRequestHeaderSize(GatewayLimits.MAX_HEADER_BYTES);
        http.setUriCompliance(URI_COMPLIANCE);
        http.setHttpCompliance(HttpCompliance.RFC9110);
        return http;
    }

    /**
     * Serves: each request to the first endpoint that answers it, written on the console in the given format.
     *
     * @param hosts the Host names answered; any other is refused before routing
     * @param cors  CORS is on: every response varies on Origin
     */
    public void start(List<GatewayEndpoint> endpoints, AllowedHosts hosts, boolean cors, PrintStream log, LogFormat format)
            throws IOException {
        server.setErrorHandler(new JsonErrorHandler(log, format, cors));
        // The limits in front of the endpoints, one concern each, in the order the gateway judged them in.
        Handler endpointsHandler = new JettyGatewayHandler(endpoints);
        Handler limited = new PercentEncodingHandler(new BodySizeLimitHandler(GatewayLimits.MAX_BODY_BYTES,
                new BodyDeadlineHandler(limits.bodyTimeout(), endpointsHandler)));
        Handler routing = new AllowedHostsHandler(hosts, new TransferCodingHandler(limited));
        server.setHandler(new RequestLogHandler(new RequestIdHandler(cors ? new VaryOriginHandler(routing) : routing), log, format));
        try {
            server.start();
        } catch (Exception e) {
            throw new IOException("cannot start the HTTP server: " + e.getMessage(), e);
        }
    }

    public int port() { return connector.getLocalPort(); }

    @Override
    public synchronized void close() {
        if (closed) return;
        closed = true;
        try {
            server.stop();
        } catch (Exception e) {
            // Stopping is best effort: the JVM is usually about to end.
        }
        connector.close();
    }
}
