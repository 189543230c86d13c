package com.userimages.local.gateway;

import org.eclipse.jetty.http.HttpTester;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class BodySizeLimitHandlerTest {
    private static final int LIMIT = 8;

    private static LocalJetty jetty() throws Exception {
        return new LocalJetty(next -> new BodySizeLimitHandler(LIMIT, next));
    }

    @Test
    void aDeclaredLengthOverTheLimitIsRefusedBeforeTheBodyIsRead() throws Exception {
        try (LocalJetty jetty = jetty()) {
            // No body follows the headers: were it read, the request would wait for it.
            HttpTester.Response response = jetty.sendIncomplete("POST /collections HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Content-Length: " + (LIMIT + 1) + "\r\nExpect: 100-continue\r\n\r\n");
            assertEquals(413, response.getStatus());
            assertEquals("{\"message\":\"Request Entity Too Large\"}", LocalJetty.body(response));
            assertEquals(0, jetty.served.get());
        }
    }

    @Test
    void aChunkedBodyOverTheLimitIsRefusedOnceTheLimitIsRead() throws Exception {
        try (LocalJetty jetty = jetty()) {
            HttpTester.Response response = jetty.send("POST /collections HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\n"
                    + "Connection: close\r\n\r\n5\r\n12345\r\n5\r\n67890\r\n0\r\n\r\n");
            assertEquals(413, response.getStatus());
            assertEquals("{\"message\":\"Request Entity Too Large\"}", LocalJetty.body(response));
            assertEquals(0, jetty.served.get());
        }
    }

    @Test
    void aBodyAtTheLimitReachesTheEndpointWhole() throws Exception {
        try (LocalJetty jetty = jetty()) {
            HttpTester.Response declared = jetty.send("POST /collections HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 8\r\n"
                    + "Connection: close\r\n\r\n12345678");
            assertEquals(200, declared.getStatus());
            assertEquals("{\"bytes\":8}", LocalJetty.body(declared));
            HttpTester.Response chunked = jetty.send("POST /collections HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\n"
                    + "Connection: close\r\n\r\n4\r\n1234\r\n4\r\n5678\r\n0\r\n\r\n");
            assertEquals(200, chunked.getStatus());
            assertEquals("{\"bytes\":8}", LocalJetty.body(chunked));
        }
    }
}
