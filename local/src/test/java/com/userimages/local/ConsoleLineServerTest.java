package com.userimages.local;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The console line of every request names its status and, for a 4xx or 5xx, the error code, escaped (an operator greps by code). */
class ConsoleLineServerTest {
    @RegisterExtension
    static final InProcessServerExtension local = InProcessServerExtension.withRealHandlers();

    /**
     * The one console line of the request to this path (the paths are unique per test). The line is
     * written once the response has gone out, so it may come a moment after the client has it.
     */
    private static String lineFor(String method, String path) throws InterruptedException {
        String prefix = method + " " + path + " -> ";
        List<String> lines = List.of();
        for (int i = 0; i < 200 && lines.isEmpty(); i++) {
            if (i > 0) Thread.sleep(10);
            lines = Arrays.stream(local.console().split("\n")).filter(l -> l.startsWith(prefix)).toList();
        }
        List<String> found = lines;
        assertEquals(1, found.size(), () -> "one line for " + prefix + " in:\n" + local.console());
        return found.getFirst().strip();
    }

    @Test
    void aFunctions4xxNamesItsErrorCodeAndA2xxNone() throws Exception {
        String sub = "console-" + UUID.randomUUID();
        String token = local.token(sub, null);
        String id = UUID.randomUUID().toString();
        assertEquals(400, Http.post(local.base(), "/collections/" + id + "/images", token, "{images:[]}").status());
        assertTrue(lineFor("POST", "/collections/" + id + "/images")
                .matches("POST /collections/" + id + "/images -> 400 INVALID_JSON \\(\\d+ ms\\) \\[append-collection]"), local.console());

        Http.Reply created = Http.post(local.base(), "/collections", token,
                "{\"imagesCollectionId\":\"" + id + "\",\"images\":[{\"url\":\"https://console.example/a.png\"}]}");
        assertEquals(201, created.status(), created.body());
        assertTrue(lineFor("POST", "/collections").matches("POST /collections -> 201 \\(\\d+ ms\\) \\[append-collection]"), local.console());
        String missing = UUID.randomUUID().toString();
        assertEquals(404, Http.get(local.base(), "/collections/" + missing, token).status());
        assertTrue(lineFor("GET", "/collections/" + missing)
                .matches("GET /collections/" + missing + " -> 404 COLLECTION_NOT_FOUND \\(\\d+ ms\\) \\[get-item]"), local.console());
        assertFalse(local.console().contains(sub), "no raw sub on the console");
        assertFalse(local.console().contains(token), "no token on the console");
    }

    @Test
    void theFunctionsRequestLinesReachTheConsole() throws Exception {
        String sub = "console-line-" + UUID.randomUUID();
        String id = UUID.randomUUID().toString();
        assertEquals(404, Http.get(local.base(), "/collections/" + id, local.token(sub, null)).status());
        lineFor("GET", "/collections/" + id);
        List<JsonNode> lines = local.console().lines().filter(l -> l.startsWith("{") && l.contains("\"_aws\""))
                .map(l -> { try { return Http.JSON.readTree(l); } catch (Exception e) { throw new AssertionError(l, e); } })
                .filter(l -> l.path("function").asText().equals("get-item") && l.path("errorCode").asText().equals("COLLECTION_NOT_FOUND"))
                .toList();
        assertFalse(lines.isEmpty(), () -> "get-item's request line on the console:\n" + local.console());
        JsonNode line = lines.getLast();
        assertEquals("GET /collections/{collectionId}", line.path("routeKey").asText());
        assertEquals(404, line.path("status").asInt());
        assertFalse(local.console().contains(sub), "no raw sub on the console");
        assertTrue(local.console().lines().allMatch(l -> l.chars().allMatch(c -> c >= 0x20 && c < 0x7f)), "every console line printable ASCII");
    }

    @Test
    void theGatewaysOwnRefusalsNameTheirCodeAndReason() throws Exception {
        String path = "/collections/" + UUID.randomUUID();
        assertEquals(401, Http.get(local.base(), path, null).status());
        assertTrue(lineFor("GET", path).matches("GET " + path + " -> 401 UNAUTHORIZED \\(\\d+ ms\\) \\(the request has no token\\)"),
                local.console());

        assertEquals(403, Http.post(local.base(), "/admin/table", local.token("console-" + UUID.randomUUID(), null), null).status());
        assertTrue(lineFor("POST", "/admin/table").matches("POST /admin/table -> 403 FORBIDDEN \\(\\d+ ms\\) \\(the token has none of the scopes .*\\)"),
                local.console());

        String unknown = "/nowhere-" + UUID.randomUUID();
        assertEquals(404, Http.get(local.base(), unknown, null).status());
        assertTrue(lineFor("GET", unknown).matches("GET " + unknown + " -> 404 NOT_FOUND \\(\\d+ ms\\) \\(no such route\\)"), local.console());
    }

    @Test
    void aMalformedRequestNamesBadRequest() throws Exception {
        try (RawHttp http = new RawHttp(local.base())) {
            assertEquals(400, http.send("GET /collections?order=%zz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n").read().status());
        }
        assertTrue(lineFor("GET", "/collections").matches("GET /collections -> 400 BAD_REQUEST \\(\\d+ ms\\) \\(malformed percent-encoding\\)"),
                local.console());
    }

    @Test
    void aRequestTheGatewayRefusesGetsAJsonRequestLineOfTheSameShapeWithoutTheToken() throws Exception {
        String path = "/collections/" + UUID.randomUUID();
        String forged = "eyJhbGciOiJub25lIn0.eyJzdWIiOiJtYWxsb3J5In0.";
        assertEquals(401, Http.get(local.base(), path, forged).status());
        lineFor("GET", path);
        List<JsonNode> gatewayLines = Arrays.stream(local.console().split("\n"))
                .filter(l -> l.startsWith("{") && l.contains("\"function\":\"gateway\""))
                .map(l -> {
                    try {
                        return Http.JSON.readTree(l);
                    } catch (IOException e) {
                        throw new AssertionError("not one JSON object: " + l, e);
                    }
                }).toList();
        assertTrue(gatewayLines.stream().anyMatch(l -> l.path("status").asInt() == 401
                && l.path("errorCode").asText().equals("UNAUTHORIZED") && l.has("requestId") && l.has("timestamp")
                && l.has("latencyMs") && l.path("level").asText().equals("INFO")), local.console());
        assertTrue(!local.console().contains(forged) && !local.console().contains("mallory"), local.console());
    }
}
