package com.userimages.local.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The edit routes and conditional requests over real HTTP, through the local server and the real handlers. */
class EditRoutesServerIT {
    @RegisterExtension
    static final InProcessServerExtension local = InProcessServerExtension.withRealHandlers();

    private static Http.Reply send(String method, String path, String token, String json, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(local.base().resolve(path)).timeout(Duration.ofSeconds(60))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8))
                .header("Authorization", "Bearer " + token);
        if (json != null) b.header("Content-Type", "application/json");
        for (int i = 0; i < headers.length; i += 2) b.header(headers[i], headers[i + 1]);
        return Http.send(b.build());
    }

    @Test
    void reorderDeleteAndConditionalRequestsEndToEnd() {
        String token = local.token("edit-" + UUID.randomUUID(), null);
        String cid = UUID.randomUUID().toString(), a = UUID.randomUUID().toString(), b = UUID.randomUUID().toString();
        Http.Reply created = send("POST", "/collections", token, "{\"imagesCollectionId\":\"" + cid + "\",\"images\":["
                + "{\"imageId\":\"" + a + "\",\"url\":\"https://l.example/a\"},{\"imageId\":\"" + b + "\",\"url\":\"https://l.example/b\"}]}");
        assertEquals(201, created.status(), created.body());
        // "<version>.<incarnation>": the incarnation is chosen at create, 8 base32 characters.
        String etag = created.header("etag");
        assertTrue(etag.matches("\"1\\.[0-9a-hjkmnp-tv-z]{8}\""), etag);
        String inc = etag.substring(3, etag.length() - 1);

        Http.Reply notModified = send("GET", "/collections/" + cid, token, null, "If-None-Match", "W/\"1." + inc + "\"");
        assertEquals(304, notModified.status());
        assertEquals(0, notModified.bytes().length);
        assertEquals("\"1." + inc + "\"", notModified.header("etag"));

        Http.Reply stale = send("PUT", "/collections/" + cid + "/order", token, "{\"imageIds\":[\"" + b + "\",\"" + a + "\"]}",
                "If-Match", "\"2." + inc + "\"");
        assertEquals(412, stale.status(), stale.body());
        assertEquals("PRECONDITION_FAILED", stale.json().path("error").path("code").asText());
        Http.Reply reordered = send("PUT", "/collections/" + cid + "/order", token, "{\"imageIds\":[\"" + b + "\",\"" + a + "\"]}",
                "If-Match", "\"1." + inc + "\"");
        assertEquals(200, reordered.status(), reordered.body());
        assertEquals("\"2." + inc + "\"", reordered.header("etag"));
        assertEquals(b, reordered.json().path("images").path(0).path("imageId").asText());

        Http.Reply removed = send("DELETE", "/collections/" + cid + "/images/" + a, token, null);
        assertEquals(200, removed.status(), removed.body());
        assertEquals(1, removed.json().path("imageCount").asInt());
        assertEquals("\"3." + inc + "\"", removed.header("etag"));

        Http.Reply malformed = send("DELETE", "/collections/" + cid, token, null, "If-Match", "3");
        assertEquals(400, malformed.status());
        assertEquals("INVALID_PRECONDITION", malformed.json().path("error").path("code").asText());

        Http.Reply deleted = send("DELETE", "/collections/" + cid, token, null, "If-Match", "\"3." + inc + "\"");
        assertEquals(204, deleted.status(), deleted.body());
        assertEquals(0, deleted.bytes().length);
        assertNull(deleted.header("etag"));
        Http.Reply again = send("DELETE", "/collections/" + cid, token, null);
        assertEquals(404, again.status());
        assertEquals("COLLECTION_NOT_FOUND", again.json().path("error").path("code").asText());
    }
}
