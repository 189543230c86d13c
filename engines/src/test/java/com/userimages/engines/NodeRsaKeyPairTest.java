package com.userimages.engines;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class NodeRsaKeyPairTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @Test
    void nodeMakesAPrivate2048BitRsaJwkWithItsCrtMembers() {
        String jwk = NodeRsaKeyPair.privateJwk(System.getenv(), TIMEOUT).orElseThrow();
        assertEquals("RSA", member(jwk, "kty"));
        assertEquals("AQAB", member(jwk, "e"), "e = 65537");
        assertEquals(256, Base64.getUrlDecoder().decode(member(jwk, "n")).length, "a 2048-bit modulus");
        for (String name : new String[] {"d", "p", "q", "dp", "dq", "qi"}) {
            assertTrue(!member(jwk, name).isEmpty(), name + " is there");
        }
    }

    @Test
    void everyKeyIsNew() {
        String first = NodeRsaKeyPair.privateJwk(System.getenv(), TIMEOUT).orElseThrow();
        String second = NodeRsaKeyPair.privateJwk(System.getenv(), TIMEOUT).orElseThrow();
        assertNotEquals(member(first, "n"), member(second, "n"));
    }

    @Test
    void withoutNodeThereIsNoKeyAndNoException() {
        Map<String, String> env = new HashMap<>(System.getenv());
        env.put("PATH", "/nonexistent");
        assertEquals(Optional.empty(), NodeRsaKeyPair.privateJwk(env, TIMEOUT));
    }

    private static String member(String json, String name) {
        Matcher matcher = Pattern.compile("\"" + name + "\":\"([A-Za-z0-9_-]*)\"").matcher(json);
        return matcher.find() ? matcher.group(1) : "";
    }
}
