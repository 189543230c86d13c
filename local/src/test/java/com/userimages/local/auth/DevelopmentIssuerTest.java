package com.userimages.local.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import java.time.Clock;
import org.junit.jupiter.api.Test;

class DevelopmentIssuerTest {

    @Test
    void everyKeyIsANewPrivate2048BitSigningKeyWithItsOwnId() {
        RSAKey first = DevelopmentIssuer.newKey();
        RSAKey second = DevelopmentIssuer.newKey();
        assertTrue(first.isPrivate());
        assertEquals(2048, first.size());
        assertEquals(KeyUse.SIGNATURE, first.getKeyUse());
        assertEquals(JWSAlgorithm.RS256, first.getAlgorithm());
        assertNotEquals(first.getKeyID(), second.getKeyID());
        assertNotEquals(first.getModulus(), second.getModulus());
    }

    @Test
    void theIssuerPublishesOnlyThePublicHalf() {
        DevelopmentIssuer issuer = DevelopmentIssuer.create("http://127.0.0.1:1", DevelopmentIssuer.newKey(), Clock.systemUTC());
        assertEquals(1, issuer.publicKeys().getKeys().size());
        assertFalse(issuer.publicKeys().getKeys().getFirst().isPrivate());
    }

    @Test
    void aPublicKeyCannotMakeAnIssuer() {
        RSAKey publicOnly = DevelopmentIssuer.newKey().toPublicJWK();
        assertThrows(IllegalArgumentException.class, () -> DevelopmentIssuer.create("http://127.0.0.1:1", publicOnly, Clock.systemUTC()));
    }

    @Test
    void withoutNodeTheJdkMakesTheKey() {
        RSAKey key = DevelopmentIssuer.newKey(java.util.Map.of("PATH", "/nonexistent"));
        assertTrue(key.isPrivate());
        assertEquals(2048, key.size());
        assertEquals(JWSAlgorithm.RS256, key.getAlgorithm());
    }

    @Test
    void onlyAPrivate2048BitKeyWithItsCrtMembersIsTakenFromNode() throws Exception {
        RSAKey good = new com.nimbusds.jose.jwk.gen.RSAKeyGenerator(2048).generate();
        assertTrue(DevelopmentIssuer.usableKey(good.toJSONString()).isPresent());
        assertFalse(DevelopmentIssuer.usableKey(good.toPublicJWK().toJSONString()).isPresent(), "public only");
        RSAKey small = new com.nimbusds.jose.jwk.gen.RSAKeyGenerator(1024, true).generate();
        assertFalse(DevelopmentIssuer.usableKey(small.toJSONString()).isPresent(), "1024 bits");
        RSAKey withoutCrt = new RSAKey.Builder(good.getModulus(), good.getPublicExponent()).privateExponent(good.getPrivateExponent()).build();
        assertFalse(DevelopmentIssuer.usableKey(withoutCrt.toJSONString()).isPresent(), "no CRT members");
        assertFalse(DevelopmentIssuer.usableKey("{\"kty\":\"RSA\"").isPresent(), "not JSON");
        assertFalse(DevelopmentIssuer.usableKey("").isPresent());
    }
}
