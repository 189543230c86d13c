package com.userimages.local.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import java.security.KeyPair;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

/**
 * A throw-away identity provider for local use when no real one is configured: an RSA key made at
 * start (never written anywhere, so tokens die with the process), its JWKS, and RS256 access tokens
 * shaped like a real provider's, verified by the same {@link JwtAuthorizer} as any other token.
 */
public final class DevelopmentIssuer {
    public static final String AUDIENCE = "user-images";
    public static final Duration TOKEN_LIFETIME = Duration.ofHours(1);

    private final RSAKey key;
    private final JWKSet publicKeys;
    private final RSASSASigner signer;
    private final String issuer;
    private final Clock clock;

    private DevelopmentIssuer(RSAKey key, String issuer, Clock clock) {
        this.key = key;
        // Fixed for the issuer's life: made once, not per JWKS request or per minted token.
        this.publicKeys = new JWKSet(key.toPublicJWK());
        try {
            this.signer = new RSASSASigner(key);
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign with the development key", e);
        }
        this.issuer = issuer;
        this.clock = clock;
    }

    public static DevelopmentIssuer create(String issuer, Clock clock) {
        return create(issuer, newKey(), clock);
    }

    /** @param key a key from {@link #newKey()}, made for this issuer alone */
    public static DevelopmentIssuer create(String issuer, RSAKey key, Clock clock) {
        if (!key.isPrivate()) throw new IllegalArgumentException("the development issuer signs: it needs the private key");
        return new DevelopmentIssuer(key, issuer, clock);
    }

    /**
     * A new 2048-bit RS256 signing key with a random key id. Finding its primes costs CPU at start,
     * more or less at random, so the server makes it on threads of its own while the rest comes up.
     */
    public static RSAKey newKey() {
        KeyPair pair = DevelopmentKeyPair.generate();
        return new RSAKey.Builder((RSAPublicKey) pair.getPublic())
                .privateKey((RSAPrivateKey) pair.getPrivate())
                .keyID("local-" + UUID.randomUUID().toString().substring(0, 8))
                .keyUse(KeyUse.SIGNATURE)
                .algorithm(JWSAlgorithm.RS256)
                .build();
    }

    public String issuer() { return issuer; }

    public JWKSet publicKeys() { return publicKeys; }

    /** @param scope space-separated scopes, or null/blank for none */
    public String mint(String subject, String scope) {
        Instant now = clock.instant();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .subject(subject)
                .audience(AUDIENCE)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(TOKEN_LIFETIME)))
                .jwtID(UUID.randomUUID().toString());
        if (scope != null && !scope.isBlank()) claims.claim("scope", scope.trim());
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).type(JOSEObjectType.JWT).build(),
                claims.build());
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign a token", e);
        }
        return jwt.serialize();
    }
}
