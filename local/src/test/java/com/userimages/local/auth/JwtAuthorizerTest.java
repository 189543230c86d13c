package com.userimages.local.auth;

import com.nimbusds.jwt.JWTClaimsSet;
import com.userimages.contract.ApiRoute;
import com.userimages.contract.RouteScopes;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

    /** Token verification alone: with the data scopes off, a data route asks for no scope. */
    private final JwtAuthorizer withoutDataScopes = new JwtAuthorizer(TestKeys.ISSUER, List.of(TestKeys.AUDIENCE, "second-audience"),
            JwksKeySource.of(KEYS.publicJwks()), Clock.fixed(NOW, ZoneOffset.UTC), RouteScopes.parse("images/admin", "none"));

    private JwtAuthorizer.Result authorize(String header) {
        return withoutDataScopes.authorize(header, ApiRoute.GET_COLLECTION);
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
        assertUnauthorized(KEYS.hs256WithPublicKey("alice"), "signing method is not RS256");
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
    void aScopeWithControlCharactersAroundItIsAnotherScope() {
        // Found by the hostile corpus over HTTP: String.trim() took "images/admin" + NUL for images/admin.
        ApiRoute admin = ApiRoute.CREATE_TABLE;
        for (String scope : List.of("images/admin\u0000", "\u0000images/admin", "\u001fimages/admin\u001f", "images/admin\t",
                "images/admin\u0085", "images/admin\u00a0")) {
            var denied = authorizer.authorize(token(b -> b.claim("scope", scope)), admin);
            assertEquals(403, ((JwtAuthorizer.Denied) denied).status(), scope.codePoints().boxed().toList().toString());
        }
        var spaced = (JwtAuthorizer.Allowed) authorizer.authorize(token(b -> b.claim("scope", "  openid   images/admin ")), admin);
        assertEquals(List.of("openid", "images/admin"), spaced.scopes());
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
        // With the default names a data route is scoped too.
        assertEquals(List.of("images/admin"), ((JwtAuthorizer.Allowed) authorizer.authorize(token, ApiRoute.GET_COLLECTION)).scopes());
    }

    @Test
    void dataRoutesNeedADataScopeAndTheNamesAreTheConfiguredOnes() {
        assertEquals(403, ((JwtAuthorizer.Denied) authorizer.authorize(token(b -> {}), ApiRoute.GET_COLLECTION)).status());
        assertEquals(403, ((JwtAuthorizer.Denied) authorizer.authorize(token(b -> b.claim("scope", "openid email")),
                ApiRoute.LIST_COLLECTIONS)).status());
        assertInstanceOf(JwtAuthorizer.Allowed.class, authorizer.authorize(token(b -> b.claim("scope", "images/user")), ApiRoute.DELETE_IMAGE));
        JwtAuthorizer renamed = new JwtAuthorizer(TestKeys.ISSUER, List.of(TestKeys.AUDIENCE), JwksKeySource.of(KEYS.publicJwks()),
                Clock.fixed(NOW, ZoneOffset.UTC), RouteScopes.parse("api/operator", "api/read"));
        var denied = (JwtAuthorizer.Denied) renamed.authorize(token(b -> b.claim("scope", "images/user")), ApiRoute.GET_IMAGE);
        assertEquals(List.of("api/read"), denied.requiredScopes());
        assertInstanceOf(JwtAuthorizer.Allowed.class, renamed.authorize(token(b -> b.claim("scope", "api/read")), ApiRoute.GET_IMAGE));
        assertInstanceOf(JwtAuthorizer.Allowed.class, renamed.authorize(token(b -> b.claim("scope", "api/operator")), ApiRoute.CREATE_TABLE));
    }

    private static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    /** A token with this header, a valid payload and a junk (but canonical) signature. */
    private static String withHeader(String headerJson) {
        return b64(headerJson) + "." + b64(TestKeys.validClaims("alice", null, NOW).build().toString()) + "."
                + b64("not a signature");
    }

    private static String jsonString(String s) {
        StringBuilder out = new StringBuilder("\"");
        s.chars().forEach(c -> out.append(c < 0x20 || c == '"' || c == '\\' || c > 0x7e ? String.format("\\u%04x", c) : String.valueOf((char) c)));
        return out.append('"').toString();
    }

    /** Nothing of the token in the reason: short, printable ASCII, and not echoing the hostile value. */
    private void assertFixedReason(String token, String hostile) {
        JwtAuthorizer.Denied denied = assertInstanceOf(JwtAuthorizer.Denied.class, authorize("Bearer " + token));
        assertEquals(401, denied.status());
        String reason = denied.description();
        assertTrue(reason.length() <= 80, reason);
        assertTrue(reason.chars().allMatch(c -> c >= 0x20 && c < 0x7f && c != '"' && c != '\\'), reason);
        assertFalse(reason.contains(hostile.strip().substring(0, Math.min(8, hostile.strip().length()))), reason);
    }

    @Test
    void reasonsAreFixedWhateverTheTokensHeaderSays() {
        for (String kid : List.of("kid\r\nSet-Cookie: pwned=1", "line\u2028separator", "nl\nGET /forged -> 200", "K".repeat(5_000),
                "quote\" error=\"forged", "\u001b[31mred")) {
            assertFixedReason(withHeader("{\"alg\":\"RS256\",\"kid\":" + jsonString(kid) + "}"), kid);
        }
        for (String alg : List.of("HS256\r\nX-Injected: 1", "Nonsense\u2028", "A".repeat(5_000))) {
            assertFixedReason(withHeader("{\"alg\":" + jsonString(alg) + ",\"kid\":\"" + KEYS.key.getKeyID() + "\"}"), alg);
        }
        String badIssuer = "https://evil.example/\r\nX-Injected: 1";
        assertFixedReason(token(b -> b.issuer(badIssuer)), badIssuer.substring(8));
        assertFixedReason(b64("{\"alg\":\"RS256\",\"kid\":\"" + KEYS.key.getKeyID() + "\"}") + "." + b64("{\"sub\":\"unterminated") + "."
                + b64("sig"), "unterminated");
    }

    @Test
    void onlyCanonicalBase64urlIsAccepted() {
        String token = token(b -> {});
        assertInstanceOf(JwtAuthorizer.Allowed.class, authorize(token));
        String[] parts = token.split("\\.");
        String signature = parts[2];
        // A 256-byte RS256 signature is 342 characters + 2 unused low bits in the last one.
        assertEquals(342, signature.length());
        char last = signature.charAt(signature.length() - 1);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        int value = alphabet.indexOf(last);
        for (int flip = 1; flip <= 3; flip++) {
            String flipped = signature.substring(0, signature.length() - 1) + alphabet.charAt(value ^ flip);
            assertUnauthorized(parts[0] + "." + parts[1] + "." + flipped, "canonical");
        }
        assertUnauthorized(parts[0] + "." + parts[1] + "." + signature + "==", "canonical");
        assertUnauthorized(parts[0] + "==." + parts[1] + "." + signature, "canonical");
        assertUnauthorized(parts[0] + "." + parts[1] + "=." + signature, "canonical");
        assertUnauthorized(parts[0] + "." + parts[1] + "." + signature.replace('-', '+').replace('_', '/'), "canonical");
        assertUnauthorized(parts[0] + "." + parts[1] + "." + signature.substring(0, 100) + " " + signature.substring(100), "canonical");
        assertUnauthorized(parts[0] + "." + parts[1] + "." + signature.substring(0, 100) + "!" + signature.substring(100), "canonical");
        // Unused bits in the header and payload too: re-spell their last character where it has any.
        for (int i = 0; i < 2; i++) {
            String part = parts[i];
            int unused = switch (part.length() % 4) { case 2 -> 0x0F; case 3 -> 0x03; default -> 0; };
            if (unused == 0) continue;
            char c = part.charAt(part.length() - 1);
            String respelled = part.substring(0, part.length() - 1) + alphabet.charAt(alphabet.indexOf(c) ^ 1);
            String[] copy = parts.clone();
            copy[i] = respelled;
            assertUnauthorized(String.join(".", copy), "canonical");
        }
    }

    @Test
    void theSubMustBeUsable() {
        for (String sub : List.of("mallory\uD800", "\uDC00", "", "a\u0000b", "line\nbreak", "\u0085", "x".repeat(257))) {
            // As JSON escapes: a lone surrogate written raw would become '?' on the way to UTF-8 bytes.
            String claims = TestKeys.validClaims("placeholder", null, NOW).build().toString()
                    .replace("\"placeholder\"", jsonString(sub));
            assertUnauthorized(KEYS.signJson(claims), "subject");
        }
        assertUnauthorized(token(b -> b.subject(null)), "subject");
        assertUnauthorized(token(b -> b.subject(null).claim("sub", 42)), "subject");
        assertInstanceOf(JwtAuthorizer.Allowed.class, authorize(token(b -> b.subject("\uD83D\uDE00".repeat(256)))));
        assertInstanceOf(JwtAuthorizer.Allowed.class, authorize(token(b -> b.subject("mallory?"))));
    }
}
