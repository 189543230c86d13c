package com.userimages.local.gateway;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class GatewayReplyTest {

    @Test
    void withHeaderReturnsANewReplyAndLeavesTheOriginalAsItWas() {
        GatewayReply original = GatewayReply.message(401, "Unauthorized");
        GatewayReply challenged = original.withHeader("WWW-Authenticate", "Bearer");
        assertNotSame(original, challenged);
        assertNull(original.headers().get("www-authenticate"));
        assertEquals(List.of("Bearer"), challenged.headers().get("www-authenticate"));
        assertEquals(List.of("Bearer", "again"), challenged.withHeader("www-authenticate", "again").headers().get("www-authenticate"));
        assertEquals(List.of("Bearer"), challenged.headers().get("www-authenticate"));
    }

    @Test
    void neitherTheHeadersNorTheBodyCanBeChangedFromOutside() {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("X-A", new ArrayList<>(List.of("1")));
        byte[] body = {1, 2, 3};
        GatewayReply reply = new GatewayReply(200, headers, body);
        headers.get("X-A").add("2");
        headers.put("x-b", List.of("3"));
        body[0] = 9;
        assertEquals(Map.of("x-a", List.of("1")), reply.headers());
        assertEquals(1, reply.body()[0]);
        reply.body()[0] = 7;
        assertEquals(1, reply.body()[0]);
        assertThrows(UnsupportedOperationException.class, () -> reply.headers().put("x", List.of()));
        assertThrows(UnsupportedOperationException.class, () -> reply.headers().get("x-a").add("4"));
    }
}
