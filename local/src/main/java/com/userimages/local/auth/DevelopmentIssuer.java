package com.userimages.local.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.userimages.engines.NodeRsaKeyPair;

import java.math.BigInteger;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A throw-away identity provider for local use when no real one is configured: an RSA key made at
 * start (never written anywhere, so tokens die with the process), its JWKS, and RS256 access tokens
 * shaped like a real provider's, verified by the same {@link JwtAuthorizer} as any other token.
 */
public final class DevelopmentIssuer {
    public static final String AUDIENCE = "user-images";
    /**
     * The user a developer is at first: the banner's ready token, the docs page's token and the demo
     * data are all this sub's, so what one shows the others find.
     */
    public static final String DEVELOPER = "alice";
    public static final Duration TOKEN_LIFETIME = Duration.ofHours(1);
    private static final int KEY_BITS = 2048;
    /** Node makes one in well under a second; past this the JDK makes it instead. */
    private static final Duration NODE_KEY_TIMEOUT = Duration.ofSeconds(10);

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
     * A new 2048-bit RS256 signing key with a random key id. Its primes come from Node's crypto when
     * Node is there (a fraction of the CPU the JDK's generator needs in the local tools' C1-only JVM),
     * else from the JDK; the server makes it on a thread of its own while the rest comes up.
     */
    public static RSAKey newKey() {
        return newKey(System.getenv());
    }

    /** @param env whose PATH names the {@code node} that may make the key */
    static RSAKey newKey(Map<String, String> env) {
        RSAKey generated = NodeRsaKeyPair.privateJwk(env, NODE_KEY_TIMEOUT)
                .flatMap(DevelopmentIssuer::usableKey)
                .orElseGet(DevelopmentIssuer::jdkKey);
        return new RSAKey.Builder(generated)
                .keyID("local-" + UUID.randomUUID().toString().substring(0, 8))
                .keyUse(KeyUse.SIGNATURE)
                .algorithm(JWSAlgorithm.RS256)
                .build();
    }

    /** A private 2048-bit key with e = 65537 and its CRT members, or nothing. */
    static Optional<RSAKey> usableKey(String jwk) {
        try {
            RSAKey key = RSAKey.parse(jwk);
            boolean usable = key.isPrivate() && key.size() == KEY_BITS
                    && key.getPublicExponent().decodeToBigInteger().equals(BigInteger.valueOf(65537))
                    && key.getFirstPrimeFactor() != null && key.getSecondPrimeFactor() != null
                    && key.getFirstFactorCRTExponent() != null && key.getSecondFactorCRTExponent() != null
                    && key.getFirstCRTCoefficient() != null;
            return usable ? Optional.of(key) : Optional.empty();
        } catch (ParseException e) {
            return Optional.empty();
        }
    }

    private static RSAKey jdkKey() {
        try {
            return new RSAKeyGenerator(KEY_BITS).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot generate an RSA key", e);
        }
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
