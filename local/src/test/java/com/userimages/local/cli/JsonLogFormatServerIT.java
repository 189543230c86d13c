package com.userimages.local.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code --log-format json}: the console holds the functions' request lines exactly as Lambda writes
 * them, and a line of the same shape for each request the gateway refuses itself, whose
 * {@code requestId} is the {@code apigw-requestid} the client got; no human line, nothing else.
 */
class JsonLogFormatServerIT {
    @RegisterExtension
    static final InProcessServerExtension local = InProcessServerExtension.withRealHandlers("--log-format", "json");

    private static List<JsonNode> jsonLines() {
        return local.console().lines().map(line -> {
            try {
                JsonNode node = Http.JSON.readTree(line);
                assertTrue(node != null && node.isObject(), () -> "not one JSON object: " + line);
                return node;
            } catch (IOException e) {
                throw new AssertionError("a console line that is not JSON: " + line + "\n" + local.console(), e);
            }
        }).toList();
    }

    /** The lines the predicate picks, once there are as many as expected (a line comes just after the response). */
    private static List<JsonNode> awaitLines(java.util.function.Predicate<JsonNode> which, int count) throws InterruptedException {
        List<JsonNode> found = List.of();
        for (int i = 0; i < 300 && found.size() < count; i++) {
            if (i > 0) Thread.sleep(10);
            found = jsonLines().stream().filter(which).toList();
        }
        return found;
    }

    @Test
    void theFunctionsRequestLinesAreTheConsoleAndEveryLineIsJson() throws Exception {
        String sub = "json-console-" + UUID.randomUUID();
        String token = local.token(sub, null);
        String id = UUID.randomUUID().toString();
        Http.Reply created = Http.post(local.base(), "/collections", token,
                "{\"imagesCollectionId\":\"" + id + "\",\"images\":[{\"url\":\"https://console.example/json.png\"}]}");
        assertEquals(201, created.status(), created.body());
        String missing = UUID.randomUUID().toString();
        assertEquals(404, Http.get(local.base(), "/collections/" + missing, token).status());

        List<JsonNode> notFound = awaitLines(l -> l.path("function").asText().equals("get-item")
                && l.path("errorCode").asText().equals("COLLECTION_NOT_FOUND"), 1);
        assertFalse(notFound.isEmpty(), () -> "get-item's request line on the console:\n" + local.console());
        JsonNode line = notFound.getLast();
        assertEquals("GET /collections/{collectionId}", line.path("routeKey").asText());
        assertEquals(404, line.path("status").asInt());
        assertTrue(line.has("_aws"), "an EMF document: " + line);
        assertFalse(awaitLines(l -> l.path("function").asText().equals("append-collection") && l.path("status").asInt() == 201, 1).isEmpty(),
                local.console());

        assertTrue(local.console().lines().noneMatch(l -> l.contains(" -> ")), () -> "no human line in the JSON format:\n" + local.console());
        assertFalse(local.console().contains(sub), "no raw sub on the console");
        assertFalse(local.console().contains(token), "no token on the console");
        assertTrue(local.console().lines().allMatch(l -> l.chars().allMatch(c -> c >= 0x20 && c < 0x7f)), "every console line printable ASCII");
    }

    @Test
    void aRequestTheGatewayRefusesGetsAJsonRequestLineOfTheSameShapeWithoutTheToken() throws Exception {
        String path = "/collections/" + UUID.randomUUID();
        String forged = "eyJhbGciOiJub25lIn0.eyJzdWIiOiJtYWxsb3J5In0.";
        Http.Reply refused = Http.get(local.base(), path, forged);
        assertEquals(401, refused.status());
        String requestId = refused.header("apigw-requestid");
        List<JsonNode> lines = awaitLines(l -> l.path("requestId").asText().equals(requestId), 1);
        assertEquals(1, lines.size(), local.console());
        JsonNode line = lines.getFirst();
        assertEquals("gateway", line.path("function").asText(), line.toString());
        assertEquals(401, line.path("status").asInt(), line.toString());
        assertEquals("UNAUTHORIZED", line.path("errorCode").asText(), line.toString());
        assertEquals("INFO", line.path("level").asText(), line.toString());
        assertTrue(line.has("timestamp") && line.has("latencyMs"), line.toString());
        assertTrue(!local.console().contains(forged) && !local.console().contains("mallory"), local.console());
    }

    /** Each kind of request the gateway itself refuses gets one JSON request line with the id the client got (API.md). */
    @ParameterizedTest
    @MethodSource("com.userimages.local.cli.RefusedRequest#oneOfEachKind")
    void everyGatewayRefusalGetsOneJsonRequestLineWithTheRequestIdTheClientGot(RefusedRequest refused) throws Exception {
        String requestId = refused.sendForRequestId(local.base());
        List<JsonNode> lines = awaitLines(l -> l.path("requestId").asText().equals(requestId), 1);
        assertEquals(1, lines.size(), () -> requestId + " in:\n" + local.console());
        assertEquals("gateway", lines.getFirst().path("function").asText(), lines.getFirst().toString());
        assertEquals(refused.status(), lines.getFirst().path("status").asInt(), lines.getFirst().toString());
    }

    /** What the gateway serves itself without refusing (the document, the docs page, a token) is no Lambda request: no line. */
    @Test
    void theGatewaysOwnSuccessesWriteNothing() throws Exception {
        Http.Reply document = Http.get(local.base(), "/openapi.yaml", null);
        assertEquals(200, document.status());
        String requestId = document.header("apigw-requestid");
        // A refusal after it: once its line is there, the success's would have been written too.
        Http.Reply refused = Http.get(local.base(), "/nowhere-" + UUID.randomUUID(), null);
        assertFalse(awaitLines(l -> l.path("requestId").asText().equals(refused.header("apigw-requestid")), 1).isEmpty(), local.console());
        assertTrue(jsonLines().stream().noneMatch(l -> l.path("requestId").asText().equals(requestId)), local.console());
    }
}
