package com.userimages.local.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import java.util.function.Consumer;

/** An identity provider made by a test: its own RSA key, its JWKS, and tokens good and bad. */
public final class TestKeys {
    public static final String ISSUER = "https://idp.example.test/";
    public static final String AUDIENCE = "user-images-api";

    public final RSAKey key;

    public TestKeys(String kid) {
        try {
            key = new RSAKeyGenerator(2048).keyID(kid).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    public static TestKeys create() {
        return new TestKeys("test-" + UUID.randomUUID());
    }

    public JWKSet publicJwks() {
        return new JWKSet(key.toPublicJWK());
    }

    public Path writeJwks(Path dir) throws IOException {
        Path file = dir.resolve("jwks.json");
        Files.writeString(file, publicJwks().toString(), StandardCharsets.UTF_8);
        return file;
    }

    /** Claims of a token the authorizer must accept, for {@code sub}; {@code customize} breaks what a case needs. */
    public static JWTClaimsSet.Builder validClaims(String sub, String scope, Instant now) {
        JWTClaimsSet.Builder b = new JWTClaimsSet.Builder()
                .issuer(ISSUER).subject(sub).audience(AUDIENCE)
                .issueTime(Date.from(now)).notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(600)))
                .jwtID(UUID.randomUUID().toString());
        if (scope != null) b.claim("scope", scope);
        return b;
    }

    /** A null scope is a user's access token's ({@code images/user}); {@link #token(Consumer)} for none at all. */
    public String token(String sub, String scope) {
        return sign(validClaims(sub, scope == null ? "images/user" : scope, Instant.now()).build());
    }

    public String token(Consumer<JWTClaimsSet.Builder> customize) {
        JWTClaimsSet.Builder b = validClaims("alice", null, Instant.now());
        customize.accept(b);
        return sign(b.build());
    }

    public String sign(JWTClaimsSet claims) {
        return sign(claims, key.getKeyID());
    }

    public String sign(JWTClaimsSet claims, String kid) {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(kid).type(JOSEObjectType.JWT).build(), claims);
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    /**
     * Signs a payload given as JSON text, so it may hold what a claims builder would not write: an
     * escaped lone surrogate ({@code "\\ud800"}) survives only as an escape.
     */
    public String signJson(String payloadJson) {
        com.nimbusds.jose.JWSObject jws = new com.nimbusds.jose.JWSObject(
                new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).type(JOSEObjectType.JWT).build(),
                new com.nimbusds.jose.Payload(payloadJson));
        try {
            jws.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jws.serialize();
    }

    /** A valid token whose payload is then swapped for another: the signature no longer matches. */
    public String forged(String sub, String forgedSub) {
        String[] parts = token(sub, null).split("\\.");
        JWTClaimsSet forged = validClaims(forgedSub, null, Instant.now()).build();
        String payload = Base64URL.encode(forged.toString().getBytes(StandardCharsets.UTF_8)).toString();
        return parts[0] + "." + payload + "." + parts[2];
    }

    /** The classic key-confusion attack: HS256 with the RSA public key as the HMAC secret. */
    public String hs256WithPublicKey(String sub) {
        JWTClaimsSet claims = validClaims(sub, null, Instant.now()).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(key.getKeyID()).build(), claims);
        try {
            jwt.sign(new MACSigner(key.toRSAPublicKey().getEncoded()));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    /** {@code alg: none}, with this key's kid so only the algorithm can reject it. */
    public String unsigned(String sub) {
        JWTClaimsSet claims = validClaims(sub, null, Instant.now()).build();
        return new PlainJWT(new com.nimbusds.jose.PlainHeader.Builder().customParam("kid", key.getKeyID()).build(), claims).serialize();
    }
}
