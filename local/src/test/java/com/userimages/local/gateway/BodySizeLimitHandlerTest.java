package com.userimages.local.gateway;

import org.junit.jupiter.api.Test;

class BodySizeLimitHandlerTest {
    private static final int LIMIT = 8;
    private static final String TOO_LARGE = "Request Entity Too Large";

    private static LocalJetty jetty() throws Exception {
        return new LocalJetty(next -> new BodySizeLimitHandler(LIMIT, next));
    }

    @Test
    void aDeclaredLengthOverTheLimitIsRefusedBeforeTheBodyIsRead() throws Exception {
        try (LocalJetty jetty = jetty()) {
            // No body follows the headers: were it read, the request would wait for it.
            jetty.assertRefused(jetty.sendIncomplete(LocalJetty.post("Content-Length: " + (LIMIT + 1) + "\r\nExpect: 100-continue", "")),
                    413, TOO_LARGE);
        }
    }

    @Test
    void aChunkedBodyOverTheLimitIsRefusedOnceTheLimitIsRead() throws Exception {
        try (LocalJetty jetty = jetty()) {
            jetty.assertRefused(jetty.send(LocalJetty.post("Transfer-Encoding: chunked\r\nConnection: close",
                    "5\r\n12345\r\n5\r\n67890\r\n0\r\n\r\n")), 413, TOO_LARGE);
        }
    }

    @Test
    void aBodyAtTheLimitReachesTheEndpointWhole() throws Exception {
        try (LocalJetty jetty = jetty()) {
            LocalJetty.assertServedWhole(jetty.send(LocalJetty.post("Content-Length: 8\r\nConnection: close", "12345678")), 8);
            LocalJetty.assertServedWhole(jetty.send(LocalJetty.post("Transfer-Encoding: chunked\r\nConnection: close",
                    "4\r\n1234\r\n4\r\n5678\r\n0\r\n\r\n")), 8);
        }
    }
}
