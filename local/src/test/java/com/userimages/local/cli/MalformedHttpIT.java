package com.userimages.local.cli;

import com.userimages.local.gateway.GatewayLimits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Requests no well-behaved client sends, over a raw socket: each gets the gateway's JSON error —
 * never a server's HTML page, an exception name or a dropped connection — and nothing taken from a
 * token reaches a response header or the console.
 */
class MalformedHttpIT {
    @RegisterExtension
    static final InProcessServerExtension local = InProcessServerExtension.withEchoHandlers(GatewayLimits.DEFAULTS);

    private static RawHttp.Response exchange(String request) throws Exception {
        try (RawHttp http = new RawHttp(local.base())) {
            return http.send(request).read();
        }
    }

    private static void assertGatewayJson(RawHttp.Response response, int status, String message) {
        assertEquals(status, response.status(), response.raw());
        assertEquals("{\"message\":\"" + message + "\"}", response.body(), response.raw());
        assertTrue(response.header("content-type").startsWith("application/json"), response.raw());
        assertFalse(response.raw().toLowerCase().contains("exception"), response.raw());
        assertFalse(response.raw().contains("<"), response.raw());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "GET /collections?order=%zz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n",
            "GET /collections/% HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n",
            "GET /collections/%zz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n",
            "GET /collections?a=%4 HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n",
            "POST /collections HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 9223372036854775808\r\n\r\n",
            "POST /collections HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: -1\r\n\r\n",
            "POST /collections HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 12abc\r\n\r\n",
            "POST /collections HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\nabc",
            "POST /collections HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nabc\r\n0\r\n\r\n",
            "POST /collections HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabcdef\r\n0\r\n\r\n",
            // Refused while the headers are parsed: the 400 must still be written before the connection closes.
            "POST /collections HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked, chunked\r\n\r\n0\r\n\r\n",
            "POST /collections HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: foo\r\n\r\n{}",
            "POST /collections HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\nTransfer-Encoding: gzip, chunked\r\n\r\n0\r\n\r\n",
            "GET /collections HTTP/1.1\r\nHost: 127.0.0.1\r\nX-A: a\u0000b\r\n\r\n",
    })
    void malformedHttpIsAJson400(String request) throws Exception {
        assertGatewayJson(exchange(request), 400, "Bad Request");
    }

    /** RFC 9112 §6.1: a transfer-coding the server does not understand is a 501; only chunked is known. */
    @ParameterizedTest
    @ValueSource(strings = {"Transfer-Encoding: foo, chunked\r\n", "Transfer-Encoding: gzip, chunked\r\n",
            "Transfer-Encoding: GZIP, Chunked\r\n", "Transfer-Encoding: gzip\r\nTransfer-Encoding: chunked\r\n",
            "Transfer-Encoding: identity, chunked\r\n", "Transfer-Encoding: compress, deflate, chunked\r\n",
            "Transfer-Encoding: x-\u00e9\u0085, chunked\r\n"})
    void anUnknownTransferCodingIsA501(String transferEncoding) throws Exception {
        RawHttp.Response response;
        try (RawHttp http = new RawHttp(local.base())) {
            response = http.send(("POST /collections HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + local.token("alice", null)
                    + "\r\nContent-Type: application/json\r\n" + transferEncoding + "Connection: close\r\n\r\n2\r\n{}\r\n0\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1)).read();
        }
        assertGatewayJson(response, 501, "Not Implemented");
        assertFalse(local.console().contains("x-\u00e9"), "the coding is never echoed raw");
    }

    @Test
    void chunkedAloneIsServed() throws Exception {
        RawHttp.Response response = exchange("POST /collections HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + local.token("alice", null)
                + "\r\nContent-Type: application/json\r\nTransfer-Encoding: Chunked\r\nConnection: close\r\n\r\n2\r\n{}\r\n0\r\n\r\n");
        assertEquals(200, response.status(), response.raw());
    }

    private static String b64(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aHostileKidGetsAnOrdinary401AndReachesNeitherHeadersNorConsole() throws Exception {
        String payload = b64("{\"sub\":\"alice\",\"exp\":4102444800}");
        for (String kidJson : List.of("\"pwned\\r\\nSet-Cookie: pwned=1\"", "\"pwned\\u2028line\"", "\"pwned\\nGET /forged -> 200\"",
                "\"pwned" + "K".repeat(5_000) + "\"")) {
            String token = b64("{\"alg\":\"RS256\",\"kid\":" + kidJson + "}") + "." + payload + "." + b64("signature");
            RawHttp.Response response = exchange("GET /collections HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + token
                    + "\r\nConnection: close\r\n\r\n");
            assertGatewayJson(response, 401, "Unauthorized");
            String challenge = response.header("www-authenticate");
            assertTrue(challenge.startsWith("Bearer "), challenge);
            assertFalse(challenge.contains("pwned"), challenge);
            assertTrue(challenge.length() < 200, challenge);
        }
        for (String line : local.console().split("\n")) {
            assertFalse(line.contains("pwned") || line.contains("Set-Cookie") || line.startsWith("GET /forged"), line);
        }
    }

    @Test
    void nothingOfTheRequestLineForgesAConsoleLine() throws Exception {
        // %0a stays escaped on the console: it is the path as sent, not decoded into a line break.
        RawHttp.Response response = exchange("GET /nowhere%0aGET%20/forged%20-%3E%20200 HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
        assertGatewayJson(response, 404, "Not Found");
        for (String line : local.console().split("\n")) {
            assertFalse(line.startsWith("GET /forged"), line);
        }
    }

    @Test
    void theTokenEndpointRefusesAnUnusableSubAndNeverLogsTheSub() throws Exception {
        for (String sub : List.of("mallory\\ud800", "line\\nbreak", "\\u0000")) {
            String body = "{\"sub\":\"" + sub + "\"}";
            RawHttp.Response response = exchange("POST /local/token HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + body.length() + "\r\nConnection: close\r\n\r\n" + body);
            assertEquals(400, response.status(), response.raw());
            assertTrue(response.body().contains("well-formed Unicode"), response.body());
        }
        String body = "{\"sub\":\"sub-not-for-the-console\"}";
        RawHttp.Response minted = exchange("POST /local/token HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + body.length() + "\r\nConnection: close\r\n\r\n" + body);
        assertEquals(200, minted.status(), minted.raw());
        assertFalse(local.console().contains("sub-not-for-the-console"), "the sub reached the console");
    }

    /** The console line of a refusal carries the apigw-requestid the client got, not an id of its own. */
    @ParameterizedTest
    @MethodSource("com.userimages.local.cli.RefusedRequest#oneOfEachKind")
    void aRefusalsConsoleLineHasTheRequestIdTheClientGot(RefusedRequest refused) throws Exception {
        String expected = " id=" + refused.sendForRequestId(local.base());
        for (int i = 0; i < 200 && local.console().lines().noneMatch(l -> l.endsWith(expected)); i++) Thread.sleep(10);
        List<String> lines = local.console().lines().filter(l -> l.endsWith(expected)).toList();
        assertEquals(1, lines.size(), () -> expected + " in:\n" + local.console());
        assertTrue(lines.getFirst().matches("[A-Z]+ /\\S* -> " + refused.status() + " [A-Z_]+ \\(\\d+ ms\\) .*"), lines.getFirst());
    }
}
