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
}
