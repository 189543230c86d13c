package com.userimages.local.cli;

import com.userimages.contract.Cors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * --cors-allow-origins over real HTTP, requests shaped as a browser sends them: the preflight and the
 * call from an allowed origin get the headers the deployed HTTP API is configured with — the values of
 * {@link Cors}, which infra's SamParityTest holds the synthesized CDK stack and template.yaml to — and a
 * disallowed origin gets none.
 */
class CorsServerIT {
    static final String APP = "https://app.example.com";
    static final String DEV = "http://localhost:5173";
    static final String EVIL = "https://evil.example.com";
    @RegisterExtension
    static final InProcessServerExtension local = InProcessServerExtension.withRealHandlers("--cors-allow-origins", APP + ", " + DEV);

    /** The CorsConfiguration the stack synthesizes, as the headers API Gateway answers a preflight with. */
    static Map<String, String> configuredPreflight(String origin) {
        return new TreeMap<>(Map.of(
                "access-control-allow-origin", origin,
                "access-control-allow-methods", String.join(",", Cors.ALLOWED_METHODS),
                "access-control-allow-headers", String.join(",", Cors.ALLOWED_HEADERS),
                "access-control-max-age", Integer.toString(Cors.MAX_AGE_SECONDS)));
    }

    @Test
    void aPreflightFromAnAllowedOriginIsAnsweredWithTheConfiguredHeaders() {
        for (String origin : List.of(APP, DEV)) {
            Http.Reply reply = preflight("/collections/" + UUID.randomUUID() + "/order", origin, "PUT", "authorization,content-type,if-match");
            assertEquals(204, reply.status(), reply.body());
            assertEquals(configuredPreflight(origin), corsHeaders(reply));
            assertEquals(0, reply.bytes().length);
            assertFalse(reply.headers().firstValue("access-control-allow-credentials").isPresent());
        }
        assertTrue(local.console().contains("OPTIONS /collections/"), local.console());
        assertTrue(local.console().contains("-> 204"), local.console());
    }

    @Test
    void everyMethodAndHeaderAClientOfTheApiNeedsIsAllowed() {
        Http.Reply reply = preflight("/collections", APP, "POST", "content-type");
        List<String> methods = Arrays.asList(reply.header("access-control-allow-methods").split(","));
        List<String> headers = Arrays.asList(reply.header("access-control-allow-headers").split(","));
        for (var route : com.userimages.contract.ApiRoute.values()) {
            assertTrue(methods.contains(route.method()), route.routeKey());
        }
        assertTrue(headers.containsAll(List.of("authorization", "content-type", "if-match", "if-none-match")), headers.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {EVIL, "null", "https://app.example.com.evil.example.com", "http://app.example.com",
            "https://app.example.com:8443", "https://app.example.com/", "https://APP.example.com", "https://app.example.com, https://evil.example.com",
            "https://app.example.com%0d%0aSet-Cookie:x", "https://\u00e9vil.example.com"})
    void aPreflightFromAnyOtherOriginGetsNoCorsHeaders(String origin) {
        Http.Reply reply = preflight("/collections", origin, "POST", "authorization");
        assertEquals(204, reply.status());
        assertEquals(Map.of(), corsHeaders(reply), origin);
        if (!origin.equals("null")) assertFalse(local.console().contains(origin), "an unlisted origin is never on the console");
    }

    @Test
    void aCallFromAnAllowedOriginCanReadTheResponseAndItsHeaders() {
        String token = local.token("cors-" + UUID.randomUUID(), null);
        Http.Reply created = call("POST", "/collections", APP, token, "{\"images\":[{\"url\":\"https://example.com/a.jpg\"}]}");
        assertEquals(201, created.status(), created.body());
        assertEquals(APP, created.header("access-control-allow-origin"));
        assertEquals(String.join(",", Cors.EXPOSED_HEADERS), created.header("access-control-expose-headers"));
        assertNotNull(created.header("location"));
        assertNotNull(created.header("etag"));
        assertFalse(created.headers().firstValue("access-control-allow-methods").isPresent(), "allow lists are the preflight's only");

        Http.Reply read = call("GET", created.header("location"), DEV, token, null);
        assertEquals(200, read.status(), read.body());
        assertEquals(Map.of("access-control-allow-origin", DEV,
                "access-control-expose-headers", String.join(",", Cors.EXPOSED_HEADERS)), corsHeaders(read));
    }

    @Test
    void theGatewaysOwnRefusalsCarryTheHeadersTooSoTheAppCanReadThem() {
        Http.Reply noToken = call("GET", "/collections", APP, null, null);
        assertEquals(401, noToken.status());
        assertEquals(APP, noToken.header("access-control-allow-origin"));
        Http.Reply unknown = call("GET", "/nothing-here", APP, null, null);
        assertEquals(404, unknown.status());
        assertEquals(APP, unknown.header("access-control-allow-origin"));
    }

    @Test
    void aCallFromAnotherOriginGetsNoCorsHeaders() {
        String token = local.token("cors-" + UUID.randomUUID(), null);
        Http.Reply list = call("GET", "/collections", EVIL, token, null);
        assertEquals(200, list.status(), list.body());
        assertEquals(Map.of(), corsHeaders(list));
        assertEquals(Map.of(), corsHeaders(call("GET", "/collections", null, token, null)), "no Origin, no CORS headers");
    }

    /**
     * A cache (the browser's included) must not hand one origin's response to another: with CORS on,
     * every response varies on Origin — with or without one, allowed or not, a 304 and the gateway's
     * own refusals included.
     */
    @Test
    void everyResponseVariesOnOrigin() throws Exception {
        String token = local.token("cors-vary-" + UUID.randomUUID(), null);
        Http.Reply created = call("POST", "/collections", APP, token, "{\"images\":[{\"url\":\"https://example.com/v.jpg\"}]}");
        assertEquals(201, created.status(), created.body());
        String location = created.header("location");
        HttpRequest conditional = HttpRequest.newBuilder(local.base().resolve(location)).timeout(Duration.ofSeconds(30))
                .header("Origin", APP).header("Authorization", "Bearer " + token).header("If-None-Match", created.header("etag")).GET().build();
        Http.Reply notModified = Http.send(conditional);
        assertEquals(304, notModified.status(), notModified.body());
        List<Http.Reply> replies = List.of(created, notModified,
                call("GET", location, DEV, token, null),
                call("GET", location, EVIL, token, null),
                call("GET", location, null, token, null),
                call("GET", "/collections", APP, null, null),
                call("GET", "/nothing-here", null, null, null),
                preflight("/collections", APP, "POST", "content-type"),
                preflight("/collections", EVIL, "POST", "content-type"));
        for (Http.Reply reply : replies) {
            assertTrue(reply.headers().allValues("vary").stream().anyMatch(v -> Arrays.asList(v.split("\\s*,\\s*")).contains("Origin")),
                    reply.status() + " " + reply.headers().map());
        }
        for (String raw : List.of("GET /collections?order=%zz HTTP/1.1\r\nHost: 127.0.0.1\r\nOrigin: " + APP + "\r\nConnection: close\r\n\r\n",
                "POST /collections HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 12abc\r\nConnection: close\r\n\r\n",
                "GET /collections HTTP/1.1\r\nHost: evil.example\r\nOrigin: " + APP + "\r\nConnection: close\r\n\r\n")) {
            try (RawHttp http = new RawHttp(local.base())) {
                RawHttp.Response response = http.send(raw).read();
                assertTrue(response.status() >= 400, response.raw());
                assertEquals("Origin", response.header("vary"), response.raw());
            }
        }
    }

    @Test
    void anOptionsRequestThatIsNoPreflightIsAnUnknownRoute() {
        Http.Reply reply = call("OPTIONS", "/collections", APP, null, null);
        assertEquals(404, reply.status());
        assertEquals("{\"message\":\"Not Found\"}", reply.body());
    }

    @Test
    void withoutTheOptionThereIsNoCorsAsDeployed() throws Exception {
        try (InProcessServer plain = InProcessServer.startWithRealHandlers()) {
            Http.Reply reply = send(plain.base(), "OPTIONS", "/collections", APP, Map.of("Access-Control-Request-Method", "POST"), null, null);
            assertEquals(404, reply.status());
            assertEquals(Map.of(), corsHeaders(reply));
            Http.Reply call = send(plain.base(), "GET", "/collections", APP, Map.of(), plain.token("alice", null), null);
            assertEquals(200, call.status());
            assertEquals(Map.of(), corsHeaders(call));
        }
    }

    static Http.Reply preflight(String path, String origin, String method, String headers) {
        return send(local.base(), "OPTIONS", path, origin,
                Map.of("Access-Control-Request-Method", method, "Access-Control-Request-Headers", headers), null, null);
    }

    static Http.Reply call(String method, String path, String origin, String token, String json) {
        return send(local.base(), method, path, origin, json == null ? Map.of() : Map.of("Content-Type", "application/json"), token, json);
    }

    static Http.Reply send(URI base, String method, String path, String origin, Map<String, String> headers, String token, String json) {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (origin != null) b.header("Origin", origin);
        if (token != null) b.header("Authorization", "Bearer " + token);
        headers.forEach(b::header);
        return Http.send(b.build());
    }

    static Map<String, String> corsHeaders(Http.Reply reply) {
        Map<String, String> cors = new TreeMap<>();
        reply.headers().map().forEach((name, values) -> {
            if (name.toLowerCase(java.util.Locale.ROOT).startsWith("access-control-")) cors.put(name.toLowerCase(java.util.Locale.ROOT), String.join(",", values));
        });
        return cors;
    }
}
