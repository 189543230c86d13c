package com.userimages.local.gateway;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CorsPolicyTest {

    @Test
    void originsAreStoredAsABrowserSendsThem() {
        CorsPolicy policy = CorsPolicy.parse(" https://App.Example.com:443 ,http://localhost:5173,, HTTP://127.0.0.1:80,"
                + "https://app.example.com,http://[::1]:8080");
        assertEquals(List.of("https://app.example.com", "http://localhost:5173", "http://127.0.0.1", "http://[::1]:8080"),
                policy.allowedOrigins());
    }

    @Test
    void onlyAnExactListedOriginIsAllowed() {
        CorsPolicy policy = CorsPolicy.parse("https://app.example.com");
        assertEquals(Optional.of("https://app.example.com"), policy.allowedOrigin("https://app.example.com"));
        for (String other : new String[] {"https://app.example.com.evil.test", "https://evil.test/https://app.example.com",
                "http://app.example.com", "https://app.example.com:443", "https://app.example.com/", "HTTPS://APP.EXAMPLE.COM",
                "https://app.example.com,https://evil.test", "https://app.example.com\0", " https://app.example.com", "null", "*", ""}) {
            assertEquals(Optional.empty(), policy.allowedOrigin(other), other);
        }
        assertEquals(Optional.empty(), policy.allowedOrigin(null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"*", "null", "NULL", "https://app.example.com/", "https://app.example.com/path", "app.example.com",
            "ftp://app.example.com", "https://", "https://:443", "https://app.example.com:0", "https://app.example.com:65536",
            "https://app.example.com:x", "https://user@app.example.com", "https://app.example.com?q", "https://app.example.com#f",
            "https://*.example.com", "https://app_example.com", "https://-app.example.com", "https://app.example.com.",
            "https://app.example.com\r\nSet-Cookie: x", "https://app.exa\u0000mple.com", "https://\u0430pp.example.com",
            "https://app.example.com\u202e", " ,  ", "javascript://alert(1)"})
    void anythingButAnOriginStopsTheStartWithOneEscapedLine(String bad) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CorsPolicy.parse(bad));
        assertFalse(e.getMessage().contains("\n") || e.getMessage().contains("\r"), e.getMessage());
        assertTrue(e.getMessage().chars().allMatch(c -> c >= 0x20 && c < 0x7f), "escaped: " + e.getMessage());
    }

    @Test
    void aVeryLongOriginIsRefusedAndNotEchoedWhole() {
        String longOrigin = "https://" + "a".repeat(5000) + ".com";
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CorsPolicy.parse(longOrigin));
        assertTrue(e.getMessage().length() < 300, e.getMessage());
    }

    @Test
    void theIntegrationsOwnCorsHeadersAreReplaced() {
        CorsPolicy policy = CorsPolicy.parse("https://app.example.com");
        GatewayReply fromFunction = GatewayReply.json(200, "{}").withHeader("access-control-allow-origin", "*")
                .withHeader("Access-Control-Allow-Credentials", "true").withHeader("etag", "\"1\"");
        GatewayReply allowed = policy.actual(fromFunction, Optional.of("https://app.example.com"));
        assertEquals(List.of("https://app.example.com"), allowed.headers().get("access-control-allow-origin"));
        assertFalse(allowed.headers().containsKey("access-control-allow-credentials"));
        assertEquals(List.of("\"1\""), allowed.headers().get("etag"));
        GatewayReply other = policy.actual(fromFunction, Optional.empty());
        assertTrue(other.headers().keySet().stream().noneMatch(h -> h.startsWith("access-control-")), other.headers().toString());
    }
}
