package com.userimages.local.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.userimages.contract.ApiFunction;
import com.userimages.local.gateway.GatewayLimits;
import com.userimages.local.runtime.EchoHandler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.util.Base64;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The gateway's own work, seen from both ends: real HTTP in, the event a function receives, the
 * function's response, real HTTP out. Every function is the test's {@link EchoHandler}, so nothing
 * here depends on what the real handlers do (and no DynamoDB is needed: the endpoint is never called).
 */
class GatewayPlumbingIT {
    @RegisterExtension
    static final InProcessServerExtension local = InProcessServerExtension.withEchoHandlers(GatewayLimits.DEFAULTS);

    private static JsonNode echo(Http.Reply reply) {
        assertEquals(200, reply.status(), reply.body());
        return reply.json();
    }

    @Test
    void theFunctionReceivesAPayloadFormat20Event() {
        String token = local.token("alice", "images/read images/user");
        HttpRequest request = HttpRequest.newBuilder(local.base().resolve("/collections/abc%2Fdef/images/i%20j?b=2&a=1&a=3"))
                .header("Authorization", "Bearer " + token)
                .header("X-Mixed-Case", "one")
                .header("X-Mixed-Case", "two")
                .header("Cookie", "s=1; t=2")
                .header("User-Agent", "plumbing-test")
                .GET().build();
        Http.Reply reply = Http.send(request);
        JsonNode event = echo(reply).path("event");

        assertEquals("2.0", event.path("version").asText());
        assertEquals("GET /collections/{collectionId}/images/{imageId}", event.path("routeKey").asText());
        assertEquals("/collections/abc%2Fdef/images/i%20j", event.path("rawPath").asText());
        assertEquals("b=2&a=1&a=3", event.path("rawQueryString").asText());
        assertEquals("1,3", event.path("queryStringParameters").path("a").asText());
        assertEquals("abc/def", event.path("pathParameters").path("collectionId").asText());
        assertEquals("i j", event.path("pathParameters").path("imageId").asText());
        assertEquals("one,two", event.path("headers").path("x-mixed-case").asText());
        assertEquals("Bearer " + token, event.path("headers").path("authorization").asText());
        event.path("headers").fieldNames().forEachRemaining(name -> assertEquals(name.toLowerCase(), name));
        assertFalse(event.path("headers").has("cookie"));
        assertEquals(List.of("s=1", "t=2"), List.of(event.path("cookies").get(0).asText(), event.path("cookies").get(1).asText()));
        assertFalse(event.path("isBase64Encoded").asBoolean());

        JsonNode context = event.path("requestContext");
        assertEquals("$default", context.path("stage").asText());
        assertEquals(reply.header("apigw-requestid"), context.path("requestId").asText());
        assertEquals("GET", context.path("http").path("method").asText());
        assertEquals("HTTP/1.1", context.path("http").path("protocol").asText());
        assertEquals("127.0.0.1", context.path("http").path("sourceIp").asText());
        assertEquals("plumbing-test", context.path("http").path("userAgent").asText());
        assertTrue(context.path("timeEpoch").asLong() > 0);
        assertTrue(context.path("time").asText().matches("\\d{2}/[A-Z][a-z]{2}/\\d{4}:\\d{2}:\\d{2}:\\d{2} \\+0000"));
        JsonNode jwt = context.path("authorizer").path("jwt");
        assertEquals("alice", jwt.path("claims").path("sub").asText());
        assertEquals("images/read images/user", jwt.path("claims").path("scope").asText());
        assertTrue(jwt.path("claims").path("exp").isTextual(), "claims are strings");
        // Every route is scoped (a data route: images/user or images/admin), so the token's scopes come along.
        assertEquals("[\"images/read\",\"images/user\"]", jwt.path("scopes").toString());

        JsonNode lambda = reply.json().path("context");
        assertEquals(ApiFunction.GET_ITEM.functionName(), lambda.path("functionName").asText());
        assertTrue(lambda.path("remainingTimeInMillis").asInt() > 0);
        assertFalse(lambda.path("awsRequestId").asText().isEmpty());
    }

    @Test
    void theResponseIsMappedBack() {
        Http.Reply reply = Http.get(local.base(), "/collections?status=207", local.token("alice", null));
        assertEquals(207, reply.status());
        assertEquals("1", reply.header("x-echo"));
        assertEquals(List.of("a", "b"), reply.headers().allValues("x-multi"));
        assertEquals(List.of("c1=v1; Path=/", "c2=v2"), reply.headers().allValues("set-cookie"));
        assertEquals("application/json", reply.header("content-type"));

        Http.Reply binary = Http.get(local.base(), "/collections?binary", local.token("alice", null));
        assertArrayEquals(EchoHandler.BINARY, binary.bytes());
        assertEquals("application/octet-stream", binary.header("content-type"));
    }

    @Test
    void binaryRequestBodiesArriveBase64Encoded() {
        byte[] body = {(byte) 0x89, 'P', 'N', 'G', 0};
        Http.Reply reply = Http.send(local.base(), "POST", "/collections", local.token("alice", null), "image/png", body);
        JsonNode event = echo(reply).path("event");
        assertTrue(event.path("isBase64Encoded").asBoolean());
        assertArrayEquals(body, Base64.getDecoder().decode(event.path("body").asText()));

        Http.Reply json = Http.post(local.base(), "/collections", local.token("alice", null), "{\"a\":\"é\"}");
        assertEquals("{\"a\":\"é\"}", echo(json).path("event").path("body").asText());
    }

    @Test
    void aScopedRouteCarriesTheTokensScopes() {
        Http.Reply reply = Http.post(local.base(), "/admin/table", local.token("alice", "images/admin other"), null);
        assertEquals(201, reply.status(), reply.body());
        JsonNode scopes = reply.json().path("event").path("requestContext").path("authorizer").path("jwt").path("scopes");
        assertEquals(List.of("images/admin", "other"), List.of(scopes.get(0).asText(), scopes.get(1).asText()));
    }

    @Test
    void failingFunctionsAreAnInternalServerErrorThatRevealsNothing() {
        for (String query : List.of("throw", "nostatus")) {
            Http.Reply reply = Http.get(local.base(), "/collections?" + query, local.token("alice", null));
            assertEquals(500, reply.status(), query);
            assertEquals("{\"message\":\"Internal Server Error\"}", reply.body(), query);
        }
        assertTrue(local.console().contains("secret internal detail"), "the error goes to the console");
    }

    @Test
    void aBodyOverTheGatewayLimitIsRefused() throws IOException {
        // Refused on its announced length, before any of the body is read. None of it is sent: a
        // client still writing megabytes when the answer comes and the connection closes can lose
        // that answer to a TCP reset (a race of the transport, which once failed this test).
        try (RawHttp http = new RawHttp(local.base())) {
            RawHttp.Response response = http.send("POST /collections HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
                    + local.token("alice", null) + "\r\nContent-Type: application/json\r\nContent-Length: "
                    + (GatewayLimits.MAX_BODY_BYTES + 1) + "\r\n\r\n").read();
            assertEquals(413, response.status(), response.raw());
            assertEquals("{\"message\":\"Request Entity Too Large\"}", response.body());
        }
    }

    @Test
    void refusalsHappenBeforeAnyFunctionRuns() {
        int before = EchoHandler.INVOCATIONS.get();
        assertEquals(404, Http.get(local.base(), "/nowhere", local.token("alice", null)).status());
        assertEquals(401, Http.get(local.base(), "/collections", null).status());
        assertEquals(401, Http.get(local.base(), "/collections", "garbage").status());
        assertEquals(403, Http.post(local.base(), "/admin/table", local.token("alice", "images/read"), null).status());
        assertEquals(before, EchoHandler.INVOCATIONS.get());
        assertEquals(200, Http.get(local.base(), "/collections", local.token("alice", null)).status());
        assertEquals(before + 1, EchoHandler.INVOCATIONS.get());
    }

    @Test
    void theTokenEndpointIsPostOnly() {
        assertEquals(200, Http.get(local.base(), "/.well-known/jwks.json", null).status());
        assertEquals("{\"message\":\"Not Found\"}", Http.get(local.base(), "/local/token", null).body());
    }
}
