package com.userimages.local.gateway;

import org.eclipse.jetty.http.HttpTester;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PercentEncodingHandlerTest {

    @Test
    void percentEncodingMustBeWellFormed() {
        assertTrue(PercentEncodingHandler.wellFormedPercentEncoding(null));
        assertTrue(PercentEncodingHandler.wellFormedPercentEncoding("a=%2F&b=%e2%82%ac"));
        for (String bad : new String[] {"%", "%z", "%zz", "a=%4", "%%41", "x%g0"}) {
            assertFalse(PercentEncodingHandler.wellFormedPercentEncoding(bad), bad);
        }
    }

    /** (Jetty's parser refuses a malformed path itself, as a 400 of its own.) */
    @Test
    void aMalformedQueryIsRefusedBeforeAnythingReadsTheRequest() throws Exception {
        try (LocalJetty jetty = new LocalJetty(PercentEncodingHandler::new)) {
            for (String target : new String[] {"/collections?order=%zz", "/collections?limit=%4"}) {
                HttpTester.Response response = jetty.send("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
                assertEquals(400, response.getStatus(), target);
                assertEquals("{\"message\":\"Bad Request\"}", LocalJetty.body(response), target);
            }
            assertEquals(0, jetty.served.get(), "no endpoint saw them");
        }
    }

    @Test
    void wellFormedEncodingIsTheEndpointsToJudge() throws Exception {
        try (LocalJetty jetty = new LocalJetty(PercentEncodingHandler::new)) {
            HttpTester.Response response = jetty.send("GET /collections/a%2Fb?x=%e2%82%ac HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
            assertEquals(200, response.getStatus());
            assertEquals(1, jetty.served.get());
        }
    }
}
