package com.userimages.local.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The default console: one short line per request, naming its status, for a 4xx or 5xx the error code,
 * and the request id the client got, escaped; no JSON request lines beside it.
 */
class ConsoleLineServerIT {
    @RegisterExtension
    static final InProcessServerExtension local = InProcessServerExtension.withRealHandlers();

    @Test
    void aFunctions4xxNamesItsErrorCodeAndA2xxNone() throws Exception {
        String sub = "console-" + UUID.randomUUID();
        String token = local.token(sub, null);
        String id = UUID.randomUUID().toString();
        Http.Reply invalid = Http.post(local.base(), "/collections/" + id + "/images", token, "{images:[]}");
        assertEquals(400, invalid.status());
        assertTrue(lineFor(invalid)
                .matches("POST /collections/" + id + "/images -> 400 INVALID_JSON \\(\\d+ ms\\) \\[append-collection] id=[A-Za-z0-9=]{16}"), local.console());

        Http.Reply created = Http.post(local.base(), "/collections", token,
                "{\"imagesCollectionId\":\"" + id + "\",\"images\":[{\"url\":\"https://console.example/a.png\"}]}");
        assertEquals(201, created.status(), created.body());
        assertTrue(lineFor(created).matches("POST /collections -> 201 \\(\\d+ ms\\) \\[append-collection] id=[A-Za-z0-9=]{16}"), local.console());
        String missing = UUID.randomUUID().toString();
        Http.Reply notFound = Http.get(local.base(), "/collections/" + missing, token);
        assertEquals(404, notFound.status());
        assertTrue(lineFor(notFound)
                .matches("GET /collections/" + missing + " -> 404 COLLECTION_NOT_FOUND \\(\\d+ ms\\) \\[get-item] id=[A-Za-z0-9=]{16}"), local.console());
        assertFalse(local.console().contains(sub), "no raw sub on the console");
        assertFalse(local.console().contains(token), "no token on the console");
    }

    @Test
    void theGatewaysOwnRefusalsNameTheirCodeAndReason() throws Exception {
        String path = "/collections/" + UUID.randomUUID();
        Http.Reply unauthorized = Http.get(local.base(), path, null);
        assertEquals(401, unauthorized.status());
        assertTrue(lineFor(unauthorized).matches("GET " + path + " -> 401 UNAUTHORIZED \\(\\d+ ms\\) \\(the request has no token\\) id=[A-Za-z0-9=]{16}"),
                local.console());

        Http.Reply forbidden = Http.post(local.base(), "/admin/table", local.token("console-" + UUID.randomUUID(), null), null);
        assertEquals(403, forbidden.status());
        assertTrue(lineFor(forbidden).matches("POST /admin/table -> 403 FORBIDDEN \\(\\d+ ms\\) \\(the token has none of the scopes .*\\) id=[A-Za-z0-9=]{16}"),
                local.console());

        String unknown = "/nowhere-" + UUID.randomUUID();
        Http.Reply noRoute = Http.get(local.base(), unknown, null);
        assertEquals(404, noRoute.status());
        assertTrue(lineFor(noRoute).matches("GET " + unknown + " -> 404 NOT_FOUND \\(\\d+ ms\\) \\(no such route\\) id=[A-Za-z0-9=]{16}"), local.console());
    }

    @Test
    void aMalformedRequestNamesBadRequest() throws Exception {
        RawHttp.Response response;
        try (RawHttp http = new RawHttp(local.base())) {
            response = http.send("GET /collections?order=%zz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n").read();
        }
        assertEquals(400, response.status());
        assertTrue(lineWithId(response.header("apigw-requestid")).matches("GET /collections -> 400 BAD_REQUEST \\(\\d+ ms\\) \\(malformed percent-encoding\\) id=[A-Za-z0-9=]{16}"),
                local.console());
    }

    /** Five requests as a developer makes them: five lines, each found by the id the client got, and nothing else. */
    @Test
    void fiveRequestsAreFiveShortLinesFoundByTheirRequestIds() throws Exception {
        String sub = "console-five-" + UUID.randomUUID();
        String token = local.token(sub, null);
        String id = UUID.randomUUID().toString();
        List<Http.Reply> replies = List.of(
                Http.post(local.base(), "/collections", token,
                        "{\"imagesCollectionId\":\"" + id + "\",\"images\":[{\"url\":\"https://console.example/five.png\"}]}"),
                Http.get(local.base(), "/collections/" + id, token),
                Http.get(local.base(), "/collections?limit=1", token),
                Http.post(local.base(), "/collections/" + id + "/images", token, "{images:[]}"),
                Http.get(local.base(), "/collections/" + id, null));
        List<String> expected = List.of(
                "POST /collections -> 201 \\(\\d+ ms\\) \\[append-collection]",
                "GET /collections/" + id + " -> 200 \\(\\d+ ms\\) \\[get-item]",
                "GET /collections -> 200 \\(\\d+ ms\\) \\[list-page]",
                "POST /collections/" + id + "/images -> 400 INVALID_JSON \\(\\d+ ms\\) \\[append-collection]",
                "GET /collections/" + id + " -> 401 UNAUTHORIZED \\(\\d+ ms\\) \\(the request has no token\\)");
        for (int i = 0; i < replies.size(); i++) {
            String requestId = replies.get(i).header("apigw-requestid");
            String line = lineWithId(requestId);
            System.out.println("console line: " + line);
            assertTrue(line.matches(expected.get(i) + " id=" + java.util.regex.Pattern.quote(requestId)), line);
            assertTrue(line.length() < 160, "a short line: " + line);
        }
        assertTrue(local.console().lines().noneMatch(l -> l.startsWith("{")), () -> "no JSON request line by default:\n" + local.console());
        assertFalse(local.console().contains(sub), "no raw sub on the console");
        assertFalse(local.console().contains(token), "no token on the console");
    }

    /**
     * What the client put in the path never reaches the console as itself: UTF-8 bidi and C1 control
     * characters (the 8-bit form of an ANSI escape) are escaped, a percent-encoded line break stays
     * text, and a raw escape or CR, which the parser refuses, leaves only its placeholder.
     */
    @Test
    void theRequestsOwnTextIsEscaped() throws Exception {
        String bidi = exchangeRaw("GET /caf\u00e9\u202e\u009b31m HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
        assertTrue(bidi.matches("GET /caf\\\\u00e9\\\\u202e\\\\u009b31m -> 400 BAD_REQUEST \\(\\d+ ms\\) .*"), bidi);
        String encoded = exchangeRaw("GET /nowhere%1b%5b2J%0d%0aGET%20/forged HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
        assertTrue(encoded.startsWith("GET /nowhere%1b%5b2J%0d%0aGET%20/forged -> 404 NOT_FOUND ("), encoded);
        String raw = exchangeRaw("GET /nowhere\u001b[2J\rGET /forged -> 200 HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
        assertTrue(raw.contains(" -> 400 BAD_REQUEST ") && !raw.contains("forged"), raw);
        assertTrue(local.console().lines().noneMatch(l -> l.startsWith("GET /forged")), local.console());
        assertTrue(local.console().chars().noneMatch(c -> c == 0x1b || c == '\r' || c == 0x202e || c == 0x9b),
                "no raw control or bidi character on the console");
    }

    /** Sends the request's text as UTF-8 bytes; returns the console line of its response's request id. */
    private static String exchangeRaw(String request) throws Exception {
        RawHttp.Response response;
        try (RawHttp http = new RawHttp(local.base())) {
            response = http.send(request.getBytes(java.nio.charset.StandardCharsets.UTF_8)).read();
        }
        String line = lineWithId(response.header("apigw-requestid"));
        assertTrue(line.chars().allMatch(c -> c >= 0x20 && c < 0x7f), "printable ASCII: " + line);
        return line;
    }

    private static String lineFor(Http.Reply reply) throws InterruptedException {
        return lineWithId(reply.header("apigw-requestid"));
    }

    /**
     * The one console line whose id is the request's apigw-requestid. The line is written once the
     * response has gone out, so it may come a moment after the client has it.
     */
    private static String lineWithId(String requestId) throws InterruptedException {
        assertTrue(requestId != null && requestId.matches("[A-Za-z0-9=]{16}"), "an apigw-requestid: " + requestId);
        String suffix = " id=" + requestId;
        List<String> lines = List.of();
        for (int i = 0; i < 200 && lines.isEmpty(); i++) {
            if (i > 0) Thread.sleep(10);
            lines = local.console().lines().filter(l -> l.endsWith(suffix)).toList();
        }
        List<String> found = lines;
        assertEquals(1, found.size(), () -> "one line for " + requestId + " in:\n" + local.console());
        return found.getFirst();
    }
}
