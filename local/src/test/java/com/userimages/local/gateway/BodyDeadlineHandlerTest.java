package com.userimages.local.gateway;

import org.junit.jupiter.api.Test;

import java.time.Duration;

class BodyDeadlineHandlerTest {

    private static LocalJetty jetty(Duration timeout) throws Exception {
        return new LocalJetty(next -> new BodyDeadlineHandler(timeout, next));
    }

    @Test
    void aBodyThatStopsShortIsAnsweredAtTheDeadline() throws Exception {
        try (LocalJetty jetty = jetty(Duration.ofMillis(300))) {
            jetty.assertRefused(jetty.sendIncomplete(LocalJetty.post("Content-Length: 10", "12")), 408, "Request Timeout");
        }
    }

    @Test
    void aBodyThatArrivesInTimeReachesTheEndpointWhole() throws Exception {
        try (LocalJetty jetty = jetty(Duration.ofSeconds(30))) {
            LocalJetty.assertServedWhole(jetty.send(LocalJetty.post("Content-Length: 10\r\nConnection: close", "1234567890")), 10);
        }
    }
}
