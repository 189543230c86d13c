package com.userimages.local.cli;

import com.userimages.local.gateway.GatewayLimits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * DNS rebinding, over raw sockets: a page on a name the attacker controls (which then resolves to
 * 127.0.0.1) sends its own name as Host. Every Host but the loopback names and --allowed-hosts is
 * refused before routing — before the token endpoint, the docs, the JWKS — and no Host at all too.
 */
class HostGuardServerIT {
    @RegisterExtension
    static final InProcessServerExtension local = InProcessServerExtension.withEchoHandlers(GatewayLimits.DEFAULTS,
            "--allowed-hosts", "dev.example.test,Tunnel.Example.Test");

    private static RawHttp.Response exchange(String request) throws Exception {
        try (RawHttp http = new RawHttp(local.base())) {
            return http.send(request.getBytes(StandardCharsets.ISO_8859_1)).read();
        }
    }

    private static void assertHostNotAllowed(RawHttp.Response response) {
        assertEquals(403, response.status(), response.raw());
        assertEquals("{\"message\":\"Host not allowed\"}", response.body(), response.raw());
        assertTrue(response.header("content-type").startsWith("application/json"), response.raw());
    }

    private static String tokenRequest(String host) {
        String body = "{\"sub\":\"mallory\"}";
        return "POST /local/token HTTP/1.1\r\n" + host + "Content-Type: application/json\r\nContent-Length: " + body.length()
                + "\r\nConnection: close\r\n\r\n" + body;
    }

    @ParameterizedTest
    @ValueSource(strings = {"evil.com", "localhost.", "127.0.0.1.evil.com", "localhost.evil.com", "evil.com:3000", "127.0.0.2",
            "127.1", "2130706433", "0x7f.0.0.1", "[::ffff:127.0.0.1]", "localhost:+80", "local%68ost", "local_host",
            "dev.example.test.", "sub.dev.example.test", "example.test"})
    void aForeignHostIsRefusedBeforeTheTokenEndpoint(String host) throws Exception {
        assertHostNotAllowed(exchange(tokenRequest("Host: " + host + "\r\n")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/local/token", "/docs", "/openapi.yaml", "/.well-known/jwks.json", "/collections", "/nowhere"})
    void everyPathIsGuardedTheTokenDocsAndJwksIncluded(String path) throws Exception {
        assertHostNotAllowed(exchange("GET " + path + " HTTP/1.1\r\nHost: evil.com:" + local.base().getPort() + "\r\nConnection: close\r\n\r\n"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "localhost", "[::1]", "LOCALHOST:3000", "LocalHost", "[::1]:3000", "127.0.0.1:1",
            "dev.example.test", "DEV.example.test:8443", "tunnel.example.test"})
    void theLoopbackNamesAndTheAllowedOnesAreServed(String host) throws Exception {
        RawHttp.Response response = exchange(tokenRequest("Host: " + host + "\r\n"));
        assertEquals(200, response.status(), response.raw());
        assertTrue(response.body().startsWith("{\"token\":"), response.raw());
    }

    @Test
    void http10WithoutHostIsRefused() throws Exception {
        assertHostNotAllowed(exchange("GET /docs HTTP/1.0\r\n\r\n"));
        assertHostNotAllowed(exchange(tokenRequest("").replace("HTTP/1.1", "HTTP/1.0")));
    }

    @Test
    void anAbsoluteFormTargetNamingAnotherHostIsRefused() throws Exception {
        // Without Host (HTTP/1.0) the target's authority is the only name: refused.
        assertHostNotAllowed(exchange("GET http://evil.com/docs HTTP/1.0\r\n\r\n"));
        // With a Host that matches it, the name is still not ours.
        assertHostNotAllowed(exchange("GET http://evil.com/docs HTTP/1.1\r\nHost: evil.com\r\nConnection: close\r\n\r\n"));
        // A target naming one host and a Host naming another never reaches routing either (the parser's 400).
        for (String request : List.of("GET http://evil.com/docs HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n",
                "GET http://127.0.0.1/docs HTTP/1.1\r\nHost: evil.com\r\nConnection: close\r\n\r\n")) {
            RawHttp.Response response = exchange(request);
            assertTrue(response.status() == 400 || response.status() == 403, response.raw());
            assertFalse(response.body().contains("swagger"), response.raw());
        }
        RawHttp.Response ours = exchange("GET http://127.0.0.1/openapi.yaml HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
        assertEquals(200, ours.status(), ours.raw());
    }

    /**
     * A Host that is not one valid value — two of them, one holding CR, NUL, a space or a byte outside
     * ASCII, a bad port or user info, or none in HTTP/1.1 — is the parser's 400 (RFC 9112 §3.2 requires
     * it), or where the parser lets it through ours: refused before routing either way.
     */
    @ParameterizedTest
    @ValueSource(strings = {
            "Host: evil.com\r\nHost: 127.0.0.1\r\n", "Host: 127.0.0.1\r\nHost: 127.0.0.1\r\n", "Host: 127.0.0.1\r\nHost: evil.com\r\n",
            "Host: 127.0.0.1\u0000evil.com\r\n", "Host: 127.0.0.1\revil.com\r\n", "Host: 127.0.0.1\r\n evil.com\r\n",
            "Host: \r\n", "Host: 127.0.0.1 evil.com\r\n", "", "Host: [::1\r\n", "Host: [::1]x\r\n", "Host: [::1]:\r\n",
            "Host: localhost:\r\n", "Host: localhost:abc\r\n", "Host: localhost:99999\r\n", "Host: localhost:3000:3000\r\n",
            "Host: user@localhost\r\n", "Host: evil.com#@localhost\r\n", "Host: LOCALHOST\u00a0\r\n", "Host: \u00e9vil.com\r\n",
            "Host: l\u00f6calhost\r\n", "Host: localhost\u00ff\r\n", "Host: [::1]:3000.evil.com\r\n", "Host: localhost:3000.evil.com\r\n", "Host: \u001b[2J127.0.0.1\r\n"})
    void aHostThatIsNotOneValidValueIsRefused(String hostLines) throws Exception {
        RawHttp.Response response = exchange(tokenRequest(hostLines));
        assertTrue(response.status() == 400 || response.status() == 403, response.raw());
        assertFalse(response.body().contains("token"), response.raw());
        assertTrue(response.header("content-type").startsWith("application/json"), response.raw());
    }

    @Test
    void aHostWithALineFeedInsideIsTwoHeadersAndTheFirstIsJudged() throws Exception {
        // A bare LF ends a header line: "Host: evil.com" then "x: 127.0.0.1".
        assertHostNotAllowed(exchange(tokenRequest("Host: evil.com\nx: 127.0.0.1\r\n")));
    }

    @Test
    void theRefusalIsLoggedWithoutTheHostAndWithTheRequestIdTheClientGot() throws Exception {
        RawHttp.Response response = exchange("GET /docs-" + "h".repeat(8) + " HTTP/1.1\r\nHost: forged-line.example\r\nConnection: close\r\n\r\n");
        assertHostNotAllowed(response);
        String requestId = response.header("apigw-requestid");
        assertNotEquals(null, requestId, response.raw());
        String line = "GET /docs-hhhhhhhh -> 403 HOST_NOT_ALLOWED (";
        String id = " id=" + requestId;
        for (int i = 0; i < 200 && local.console().lines().noneMatch(l -> l.endsWith(id)); i++) {
            Thread.sleep(10);
        }
        assertTrue(local.console().lines().anyMatch(l -> l.startsWith(line) && l.endsWith(id)), local.console());
        assertFalse(local.console().contains("forged-line"), "the refused Host never reaches the console");
    }
}
