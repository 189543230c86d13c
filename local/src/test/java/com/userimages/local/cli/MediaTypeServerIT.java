package com.userimages.local.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Over real HTTP, a body is JSON only when its Content-Type says so (or there is none): what curl's
 * {@code -d} sends (form encoding) or a text body is a 415 that says what to send, from the
 * functions and from the development issuer's token endpoint alike; after the token check, and never
 * for a request without a body.
 */
class MediaTypeServerIT {
    @RegisterExtension
    static final InProcessServerExtension local = InProcessServerExtension.withRealHandlers();

    private static final byte[] CREATE = "{\"images\":[]}".getBytes(StandardCharsets.UTF_8);

    @Test
    void aFormOrTextBodyIs415WithWhatToSend() {
        String token = local.token("mia", null);
        for (String type : new String[] {"application/x-www-form-urlencoded", "text/plain", "application/json; charset=latin1",
                "application/jsonx"}) {
            Http.Reply reply = Http.send(local.base(), "POST", "/collections", token, type, CREATE);
            assertEquals(415, reply.status(), type + ": " + reply.body());
            assertEquals("UNSUPPORTED_MEDIA_TYPE", reply.json().path("error").path("code").asText(), reply.body());
            assertTrue(reply.json().path("error").path("message").asText().contains("Content-Type: application/json"), reply.body());
        }
        Http.Reply json = Http.send(local.base(), "POST", "/collections", token, "Application/JSON; Charset=\"UTF-8\"", CREATE);
        assertEquals(201, json.status(), json.body());
    }

    @Test
    void twoContentTypeHeadersAreNotOneJsonType() throws Exception {
        String request = "POST /collections HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + local.token("mia", null)
                + "\r\nContent-Type: application/json\r\nContent-Type: application/json\r\nContent-Length: " + CREATE.length
                + "\r\nConnection: close\r\n\r\n{\"images\":[]}";
        try (RawHttp http = new RawHttp(local.base())) {
            RawHttp.Response reply = http.send(request).read();
            assertEquals(415, reply.status(), reply.raw());
        }
    }

    @Test
    void noBodyIsNever415AndNoTokenComesFirst() {
        Http.Reply noToken = Http.send(local.base(), "POST", "/collections", null, "text/plain", CREATE);
        assertEquals(401, noToken.status(), noToken.body());
        Http.Reply noBody = Http.send(local.base(), "POST", "/collections", local.token("mia", null), "text/plain", null);
        assertEquals(400, noBody.status(), noBody.body());
        assertEquals("INVALID_JSON", noBody.json().path("error").path("code").asText(), noBody.body());
    }

    @Test
    void theTokenEndpointWantsJsonToo() {
        byte[] body = "{\"sub\":\"mia\"}".getBytes(StandardCharsets.UTF_8);
        Http.Reply form = Http.send(local.base(), "POST", "/local/token", null, "application/x-www-form-urlencoded", body);
        assertEquals(415, form.status(), form.body());
        assertTrue(form.json().path("message").asText().contains("Content-Type: application/json"), form.body());
        assertEquals(200, Http.send(local.base(), "POST", "/local/token", null, null, body).status(), "no Content-Type reads as JSON");
    }
}
