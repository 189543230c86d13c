package com.userimages.local.gateway;

import org.eclipse.jetty.http.HttpTester;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;

class BodyDeadlineHandlerTest {

    private static LocalJetty jetty(Duration timeout) throws Exception {
        return new LocalJetty(next -> new BodyDeadlineHandler(timeout, next));
    }

    @Test
    void aBodyThatStopsShortIsAnsweredAtTheDeadline() throws Exception {
        try (LocalJetty jetty = jetty(Duration.ofMillis(300))) {
            HttpTester.Response response = jetty.sendIncomplete("POST /collections HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Content-Length: 10\r\n\r\n12");
            assertEquals(408, response.getStatus());
            assertEquals("{\"message\":\"Request Timeout\"}", LocalJetty.body(response));
            assertEquals(0, jetty.served.get());
        }
    }

    @Test
    void aBodyThatArrivesInTimeReachesTheEndpointWhole() throws Exception {
        try (LocalJetty jetty = jetty(Duration.ofSeconds(30))) {
            HttpTester.Response response = jetty.send("POST /collections HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 10\r\n"
                    + "Connection: close\r\n\r\n1234567890");
            assertEquals(200, response.getStatus());
            assertEquals("{\"bytes\":10}", LocalJetty.body(response));
        }
    }
}
