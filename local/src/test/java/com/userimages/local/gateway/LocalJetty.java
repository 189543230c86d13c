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

    @Override
    public void close() throws Exception {
        server.stop();
    }
}
