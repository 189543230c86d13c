package com.userimages.local.gateway;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.userimages.contract.ApiRoute;
import com.userimages.local.auth.JwtAuthorizer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HttpEventFactoryTest {
    private static final Instant NOW = Instant.parse("2026-03-12T19:03:58.123Z");
    private static final JwtAuthorizer.Allowed AUTH = new JwtAuthorizer.Allowed(Map.of("sub", "alice", "exp", "1773342238"), null);

    private static IncomingRequest request(String method, String path, String query, Map<String, List<String>> headers, byte[] body) {
        return new IncomingRequest(method, path, query, headers, body, "127.0.0.1", "HTTP/1.1", 3000);
    }

    @Test
    void aRequestBecomesAPayloadFormat20Event() {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("host", List.of("127.0.0.1:3000"));
        headers.put("user-agent", List.of("curl/8.5.0"));
        headers.put("x-custom", List.of("a", "b"));
        headers.put("cookie", List.of("c1=v1; c2=v2", "c3=v3"));
        headers.put("content-type", List.of("application/json; charset=utf-8"));
        byte[] body = "{\"images\":[\"é\"]}".getBytes(StandardCharsets.UTF_8);

        APIGatewayV2HTTPEvent event = HttpEventFactory.create(
                request("POST", "/collections/abc%20d/images", "x=1&x=2&y=a%2Bb+c&flag", headers, body),
                ApiRoute.APPEND_IMAGES, Map.of("collectionId", "abc d"), AUTH, "req-1", NOW);

        assertEquals("2.0", event.getVersion());
        assertEquals("POST /collections/{collectionId}/images", event.getRouteKey());
        assertEquals("/collections/abc%20d/images", event.getRawPath());
        assertEquals("x=1&x=2&y=a%2Bb+c&flag", event.getRawQueryString());
        assertEquals(Map.of("x", "1,2", "y", "a+b c", "flag", ""), event.getQueryStringParameters());
        assertEquals(Map.of("collectionId", "abc d"), event.getPathParameters());
        assertEquals(List.of("c1=v1", "c2=v2", "c3=v3"), event.getCookies());
        assertEquals("a,b", event.getHeaders().get("x-custom"));
        assertFalse(event.getHeaders().containsKey("cookie"), "format 2.0 moves cookies out of the headers");
        assertEquals("127.0.0.1", event.getHeaders().get("x-forwarded-for"));
        assertEquals("3000", event.getHeaders().get("x-forwarded-port"));
        assertEquals("{\"images\":[\"é\"]}", event.getBody());
        assertFalse(event.getIsBase64Encoded());

        var context = event.getRequestContext();
        assertEquals("POST /collections/{collectionId}/images", context.getRouteKey());
        assertEquals("$default", context.getStage());
        assertEquals("req-1", context.getRequestId());
        assertEquals("12/Mar/2026:19:03:58 +0000", context.getTime());
        assertEquals(NOW.toEpochMilli(), context.getTimeEpoch());
        assertEquals("127.0.0.1", context.getDomainName());
        assertEquals("POST", context.getHttp().getMethod());
        assertEquals("/collections/abc%20d/images", context.getHttp().getPath());
        assertEquals("HTTP/1.1", context.getHttp().getProtocol());
        assertEquals("127.0.0.1", context.getHttp().getSourceIp());
        assertEquals("curl/8.5.0", context.getHttp().getUserAgent());
        assertEquals(AUTH.claims(), context.getAuthorizer().getJwt().getClaims());
        assertNull(context.getAuthorizer().getJwt().getScopes());
    }

    @Test
    void noQueryNoPathParametersNoBodyAreAbsent() {
        APIGatewayV2HTTPEvent event = HttpEventFactory.create(request("GET", "/collections", "", Map.of(), new byte[0]),
                ApiRoute.LIST_COLLECTIONS, Map.of(), AUTH, "r", NOW);
        assertEquals("", event.getRawQueryString());
        assertNull(event.getQueryStringParameters());
        assertNull(event.getPathParameters());
        assertNull(event.getCookies());
        assertNull(event.getBody());
        assertFalse(event.getIsBase64Encoded());
    }

    @Test
    void binaryUntypedAndInvalidUtf8BodiesAreBase64Encoded() {
        byte[] notUtf8 = {'{', (byte) 0xC3, (byte) 0x28, '}'};
        for (Map<String, List<String>> headers : List.of(
                Map.of("content-type", List.of("image/png")),
                Map.<String, List<String>>of(),
                Map.of("content-type", List.of("application/json")))) {
            APIGatewayV2HTTPEvent event = HttpEventFactory.create(request("POST", "/collections", "", headers, notUtf8),
                    ApiRoute.CREATE_COLLECTION, Map.of(), AUTH, "r", NOW);
            assertTrue(event.getIsBase64Encoded(), headers.toString());
            assertArrayEquals(notUtf8, Base64.getDecoder().decode(event.getBody()));
        }
    }

    @Test
    void textMediaTypesAreText() {
        for (String type : List.of("text/plain", "application/json", "application/problem+json", "application/xml",
                "application/x-www-form-urlencoded", "TEXT/HTML; charset=UTF-8")) {
            assertTrue(HttpEventFactory.isText(type), type);
        }
        for (String type : List.of("application/octet-stream", "image/jpeg", "multipart/form-data")) {
            assertFalse(HttpEventFactory.isText(type), type);
        }
    }
}
