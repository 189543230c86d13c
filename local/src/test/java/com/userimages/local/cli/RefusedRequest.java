package com.userimages.local.cli;

import java.net.URI;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A raw request the gateway refuses itself, before any function runs, and the status it answers:
 * one of each kind, for the tests of the console line such a refusal gets, whatever the log format.
 */
record RefusedRequest(int status, String raw) {
    /** Bad percent-encoding, a bad length, a bad chunk, no token, a foreign Host, no route, too large, an unknown coding. */
    static Stream<RefusedRequest> oneOfEachKind() {
        return Stream.of(
                new RefusedRequest(400, "GET /collections?order=%zz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"),
                new RefusedRequest(400, "POST /collections HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 12abc\r\nConnection: close\r\n\r\n"),
                new RefusedRequest(400, "POST /collections HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\nzz\r\n"),
                new RefusedRequest(401, "GET /collections HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"),
                new RefusedRequest(403, "GET /collections HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n"),
                new RefusedRequest(404, "GET /nowhere-json-line HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"),
                new RefusedRequest(413, "POST /collections HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 20000000\r\nExpect: 100-continue\r\n"
                        + "Connection: close\r\n\r\n"),
                new RefusedRequest(501, "POST /collections HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: gzip, chunked\r\n"
                        + "Connection: close\r\n\r\n0\r\n\r\n"));
    }

    /** Sends it to the server at {@code base}, checks the status, and gives the {@code apigw-requestid} the client got. */
    String sendForRequestId(URI base) throws Exception {
        RawHttp.Response response;
        try (RawHttp http = new RawHttp(base)) {
            response = http.send(raw).read();
        }
        assertEquals(status, response.status(), response.raw());
        String requestId = response.header("apigw-requestid");
        assertTrue(requestId != null && requestId.matches("[A-Za-z0-9=]{16}"), response.raw());
        return requestId;
    }
}
