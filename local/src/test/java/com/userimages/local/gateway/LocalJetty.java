package com.userimages.local.gateway;

import org.eclipse.jetty.http.HttpTester;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.LocalConnector;
import org.eclipse.jetty.server.Server;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A Jetty server on an in-memory connector, for one gateway wrapper in front of the real
 * {@link JettyGatewayHandler} and an endpoint that answers 200 with the length of the body it got.
 */
final class LocalJetty implements AutoCloseable {
    final AtomicInteger served = new AtomicInteger();
    private final Server server = new Server();
    /** Parsing as the gateway's own connector does, so what reaches the wrapper is what would reach it there. */
    private final LocalConnector connector = new LocalConnector(server, new HttpConnectionFactory(GatewayServer.httpConfiguration()));

    /** @param wrap puts the wrapper under test in front of the endpoints' handler */
    LocalJetty(java.util.function.UnaryOperator<Handler> wrap) throws Exception {
        GatewayEndpoint bodyLength = (request, requestId) -> {
            served.incrementAndGet();
            return Optional.of(GatewayEndpoint.Handled.of(GatewayReply.json(200, "{\"bytes\":" + request.body().length + "}")));
        };
        server.addConnector(connector);
        server.setHandler(wrap.apply(new JettyGatewayHandler(java.util.List.of(bodyLength))));
        server.start();
    }

    HttpTester.Response send(String rawRequest) throws Exception {
        return HttpTester.parseResponse(connector.getResponse(rawRequest, 30, TimeUnit.SECONDS));
    }

    /** Sends what is given and waits for the response, the request left incomplete. */
    HttpTester.Response sendIncomplete(String rawRequest) throws Exception {
        LocalConnector.LocalEndPoint endPoint = connector.executeRequest(rawRequest);
        return HttpTester.parseResponse(endPoint.getResponse(false, 30, TimeUnit.SECONDS));
    }

    static String body(HttpTester.Response response) {
        return new String(response.getContentBytes(), StandardCharsets.UTF_8);
    }

    /** A create: {@code headers} (the body's framing, one line or more) and then what of the body is sent. */
    static String post(String headers, String body) {
        return "POST /collections HTTP/1.1\r\nHost: 127.0.0.1\r\n" + headers + "\r\n\r\n" + body;
    }

    /** The wrapper answered the request itself, with the gateway's JSON message, and no endpoint saw it. */
    void assertRefused(HttpTester.Response response, int status, String message) {
        assertEquals(status, response.getStatus());
        assertEquals("{\"message\":\"" + message + "\"}", body(response));
        assertEquals(0, served.get());
    }

    /** The endpoint got the whole body: 200 with its length. */
    static void assertServedWhole(HttpTester.Response response, int bytes) {
        assertEquals(200, response.getStatus());
        assertEquals("{\"bytes\":" + bytes + "}", body(response));
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}
