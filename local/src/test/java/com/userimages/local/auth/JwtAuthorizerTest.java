package com.userimages.local.auth;

import com.nimbusds.jwt.JWTClaimsSet;
import com.userimages.contract.ApiRoute;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** API Gateway's JWT authorizer rules, one by one, against a fixed clock. */
class JwtAuthorizerTest {
    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    private static final TestKeys KEYS = TestKeys.create();
    private final JwtAuthorizer authorizer = new JwtAuthorizer(TestKeys.ISSUER, List.of(TestKeys.AUDIENCE, "second-audience"),
            JwksKeySource.of(KEYS.publicJwks()), Clock.fixed(NOW, ZoneOffset.UTC));

    private String token(Consumer<JWTClaimsSet.Builder> customize) {
        JWTClaimsSet.Builder b = TestKeys.validClaims("alice", null, NOW);
        customize.accept(b);
        return KEYS.sign(b.build());
    }

    private JwtAuthorizer.Result authorize(String header) {
        return authorizer.authorize(header, ApiRoute.GET_COLLECTION);
    }

    private void assertUnauthorized(String header, String reason) {
        JwtAuthorizer.Result result = authorize(header);
        JwtAuthorizer.Denied denied = assertInstanceOf(JwtAuthorizer.Denied.class, result, reason);
        assertEquals(401, denied.status(), reason);
        assertTrue(denied.description().contains(reason), denied.description());
    }

    @Test
    void aValidTokenIsAcceptedWithOrWithoutBearer() {
        String token = token(b -> {});
        assertInstanceOf(JwtAuthorizer.Allowed.class, authorize("Bearer " + token));
        assertInstanceOf(JwtAuthorizer.Allowed.class, authorize("bearer " + token));
        assertInstanceOf(JwtAuthorizer.Allowed.class, authorize(token));
    }

    @Test
    void missingOrMalformedTokensAreUnauthorized() {
        assertUnauthorized(null, "no token");
        assertUnauthorized("  ", "no token");
        assertUnauthorized("Bearer not-a-jwt", "not a JWT");
    }

    @Test
    void expiryIsCheckedWithSixtySecondsOfSkew() {
        assertInstanceOf(JwtAuthorizer.Allowed.class, authorize(token(b -> b.expirationTime(Date.from(NOW.minusSeconds(59))))));
        assertUnauthorized(token(b -> b.expirationTime(Date.from(NOW.minusSeconds(60)))), "expired");
        assertUnauthorized(token(b -> b.expirationTime(Date.from(NOW.minusSeconds(3600)))), "expired");
        assertUnauthorized(token(b -> b.expirationTime(null)), "no expiration");
    }

    @Test
    void notBeforeAndIssuedAtAreCheckedWithSixtySecondsOfSkew() {
        assertInstanceOf(JwtAuthorizer.Allowed.class, authorize(token(b -> b.notBeforeTime(Date.from(NOW.plusSeconds(60))))));
        assertUnauthorized(token(b -> b.notBeforeTime(Date.from(NOW.plusSeconds(61)))), "not valid yet");
        assertInstanceOf(JwtAuthorizer.Allowed.class, authorize(token(b -> b.issueTime(Date.from(NOW.plusSeconds(60))))));
        assertUnauthorized(token(b -> b.issueTime(Date.from(NOW.plusSeconds(61)))), "issued in the future");
        assertInstanceOf(JwtAuthorizer.Allowed.class, authorize(token(b -> b.notBeforeTime(null).issueTime(null))),
                "nbf and iat are optional");
    }

    @Test
    void theIssuerMustMatchExactly() {
        assertUnauthorized(token(b -> b.issuer("https://evil.example/")), "invalid issuer");
        assertUnauthorized(token(b -> b.issuer(TestKeys.ISSUER.replaceAll("/$", ""))), "invalid issuer");
        assertUnauthorized(token(b -> b.issuer(null)), "invalid issuer");
    }

    @Test
    void audienceOrElseClientIdMustBeConfigured() {
        assertInstanceOf(JwtAuthorizer.Allowed.class, authorize(token(b -> b.audience(List.of("other", "second-audience")))));
        assertUnauthorized(token(b -> b.audience("other")), "valid audience");
        assertInstanceOf(JwtAuthorizer.Allowed.class, authorize(token(b -> b.audience((String) null).claim("client_id", TestKeys.AUDIENCE))));
        assertUnauthorized(token(b -> b.audience((String) null).claim("client_id", "other")), "valid audience");
        assertUnauthorized(token(b -> b.audience((String) null)), "valid audience");
        // When aud is present it is the one evaluated, even if client_id would match.
        assertUnauthorized(token(b -> b.audience("other").claim("client_id", TestKeys.AUDIENCE)), "valid audience");
    }

    @Test
    void signaturesAlgorithmsAndKeysAreEnforced() {
        assertUnauthorized(KEYS.forged("alice", "mallory"), "signature is invalid");
        TestKeys sameKidOtherKey = new TestKeys(KEYS.key.getKeyID());
        assertUnauthorized(sameKidOtherKey.sign(TestKeys.validClaims("alice", null, NOW).build()), "signature is invalid");
        assertUnauthorized(TestKeys.create().sign(TestKeys.validClaims("alice", null, NOW).build()), "no key in the JWKS matches");
        assertUnauthorized(KEYS.sign(TestKeys.validClaims("alice", null, NOW).build(), null), "no kid");
        assertUnauthorized(KEYS.unsigned("alice"), "not signed");
        assertUnauthorized(KEYS.hs256WithPublicKey("alice"), "HS256 is invalid");
    }

    @Test
    void routeScopesNeedOneOfTheirScopesInScopeOrScp() {
        ApiRoute admin = ApiRoute.CREATE_TABLE;
        assertEquals(403, ((JwtAuthorizer.Denied) authorizer.authorize(token(b -> {}), admin)).status());
        assertEquals(403, ((JwtAuthorizer.Denied) authorizer.authorize(token(b -> b.claim("scope", "images/read")), admin)).status());

        var byScope = (JwtAuthorizer.Allowed) authorizer.authorize(token(b -> b.claim("scope", "openid images/admin")), admin);
        assertEquals(List.of("openid", "images/admin"), byScope.scopes());
        var byScp = (JwtAuthorizer.Allowed) authorizer.authorize(token(b -> b.claim("scp", List.of("images/admin"))), admin);
        assertEquals(List.of("images/admin"), byScp.scopes());
        // scope wins over scp when both are there, as the handlers read them.
        assertEquals(403, ((JwtAuthorizer.Denied) authorizer.authorize(
                token(b -> b.claim("scope", "openid").claim("scp", "images/admin")), admin)).status());
    }

    @Test
    void claimsArePassedAsStringsAndScopesOnlyForScopedRoutes() {
        String token = token(b -> b.claim("groups", List.of("a", "b")).claim("n", 3).claim("admin", true)
                .claim("scope", "images/admin").claim("address", Map.of("country", "DE")));
        var allowed = (JwtAuthorizer.Allowed) authorize(token);
        assertEquals("alice", allowed.claims().get("sub"));
        assertEquals(Long.toString(NOW.plusSeconds(600).getEpochSecond()), allowed.claims().get("exp"));
        assertEquals("[a b]", allowed.claims().get("groups"));
        assertEquals("3", allowed.claims().get("n"));
        assertEquals("true", allowed.claims().get("admin"));
        assertEquals("{\"country\":\"DE\"}", allowed.claims().get("address"));
        assertEquals(TestKeys.AUDIENCE, allowed.claims().get("aud"));
        assertNull(allowed.scopes(), "API Gateway sends scopes: null on a route without authorization scopes");

        var scoped = (JwtAuthorizer.Allowed) authorizer.authorize(token, ApiRoute.CREATE_TABLE);
        assertEquals(List.of("images/admin"), scoped.scopes());
    }
}
