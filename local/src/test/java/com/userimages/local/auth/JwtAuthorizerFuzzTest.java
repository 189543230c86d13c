package com.userimages.local.auth;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.code_intelligence.jazzer.mutation.annotation.NotNull;
import com.userimages.contract.ApiRoute;
import com.userimages.contract.Subjects;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The local authorizer's token handling against any Authorization header, any edit of a genuine
 * token, and any header and payload signed with the trusted key: it never throws, never accepts a
 * token that is not byte for byte the genuine one (or, signed, one whose claims hold), and every
 * refusal gives one of its fixed reasons — nothing of the input. A regression run over the kept
 * inputs (JwtAuthorizerFuzzTestInputs/) in every build; {@code JAZZER_FUZZ=1} fuzzes.
 */
class JwtAuthorizerFuzzTest {
    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    private static final TestKeys KEYS = new TestKeys("fuzz-kid");
    private static final JwtAuthorizer AUTHORIZER = new JwtAuthorizer(TestKeys.ISSUER, List.of(TestKeys.AUDIENCE),
            JwksKeySource.of(KEYS.publicJwks()), Clock.fixed(NOW, ZoneOffset.UTC));
    private static final String GENUINE = KEYS.sign(TestKeys.validClaims("alice", "images/admin", NOW).build());
    private static final List<ApiRoute> ROUTES = List.of(ApiRoute.LIST_COLLECTIONS, ApiRoute.CREATE_TABLE);
    private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();

    /** Every reason the authorizer may give; any other text would be something taken from the input. */
    private static final Set<String> REASONS = Set.of("the request has no token", "the token is not a JWT",
            "encrypted tokens are not supported", "the token is not signed (alg none)", "the token is not canonical base64url",
            "the token's signing method is not RS256", "the token has no kid", "the token's claims are not valid",
            "the token's signature is invalid", "no key in the JWKS matches the token's kid",
            "the token's signature could not be verified", "the token's subject is missing or unusable",
            "the token has an invalid issuer", "the token does not have a valid audience", "the token has no expiration time",
            "the token has expired", "the token is not valid yet", "the token was issued in the future",
            "the token has none of the scopes [images/admin]");

    private static void assertFixedRefusal(JwtAuthorizer.Result result) {
        if (!(result instanceof JwtAuthorizer.Denied denied)) throw new AssertionError("accepted: " + result);
        assertTrue(REASONS.contains(denied.description()), () -> "a reason that is not one of the fixed texts: " + denied.description());
        assertTrue(denied.status() == 401 || denied.description().startsWith("the token has none of the scopes"), denied::toString);
    }

    @FuzzTest(maxDuration = "1m")
    void anyAuthorizationHeaderIsRefusedWithAFixedReason(@NotNull String header, boolean scoped) {
        JwtAuthorizer.Result result = AUTHORIZER.authorize(header, scoped ? ApiRoute.CREATE_TABLE : ApiRoute.LIST_COLLECTIONS);
        if (result instanceof JwtAuthorizer.Allowed) {
            String token = header.strip();
            if (token.regionMatches(true, 0, "Bearer ", 0, 7)) token = token.substring(7).strip();
            assertEquals(GENUINE, token, "only the genuine token is accepted");
        } else {
            assertFixedRefusal(result);
        }
    }

    @FuzzTest(maxDuration = "1m")
    void anEditedGenuineTokenIsNeverAccepted(FuzzedDataProvider data) {
        StringBuilder token = new StringBuilder(GENUINE);
        int edits = data.consumeInt(1, 4);
        for (int i = 0; i < edits && !token.isEmpty(); i++) {
            int at = data.consumeInt(0, token.length() - 1);
            switch (data.consumeInt(0, 3)) {
                case 0 -> token.setCharAt(at, data.consumeChar());
                case 1 -> token.deleteCharAt(at);
                case 2 -> token.insert(at, data.consumeChar());
                default -> token.insert(at, data.consumeString(8));
            }
        }
        String edited = token.toString();
        ApiRoute route = ROUTES.get(data.consumeInt(0, 1));
        JwtAuthorizer.Result result = AUTHORIZER.authorize("Bearer " + edited, route);
        if (result instanceof JwtAuthorizer.Allowed allowed) {
            // The header's surrounding whitespace is the header's, not the token's.
            if (!edited.strip().equals(GENUINE)) fail("an edited token was accepted: " + edited);
            assertEquals("alice", allowed.claims().get("sub"));
        } else {
            assertTrue(!edited.strip().equals(GENUINE), "the genuine token was refused: " + result);
            assertFixedRefusal(result);
        }
    }

    /**
     * Any JOSE header and payload, signed with the trusted key: the signature holds, so everything
     * else is up to the authorizer's checks — RS256 with a kid, issuer, audience, expiry, a usable sub.
     */
    @FuzzTest(maxDuration = "1m")
    void anySignedHeaderAndPayloadIsAcceptedOnlyWhenItsClaimsHold(@NotNull String headerJson, @NotNull String payloadJson,
                                                                  boolean scoped) throws GeneralSecurityException {
        String input = B64URL.encodeToString(headerJson.getBytes(StandardCharsets.UTF_8)) + "."
                + B64URL.encodeToString(payloadJson.getBytes(StandardCharsets.UTF_8));
        Signature rsa = Signature.getInstance("SHA256withRSA");
        try {
            rsa.initSign(KEYS.key.toPrivateKey());
        } catch (com.nimbusds.jose.JOSEException e) {
            throw new IllegalStateException(e);
        }
        rsa.update(input.getBytes(StandardCharsets.US_ASCII));
        String token = input + "." + B64URL.encodeToString(rsa.sign());
        JwtAuthorizer.Result result = AUTHORIZER.authorize("Bearer " + token, scoped ? ApiRoute.CREATE_TABLE : ApiRoute.LIST_COLLECTIONS);
        if (result instanceof JwtAuthorizer.Allowed allowed) {
            String sub = allowed.claims().get("sub");
            assertTrue(Subjects.isUsable(sub), () -> "an unusable sub was accepted: " + sub.codePoints().boxed().toList());
            assertEquals(TestKeys.ISSUER, allowed.claims().get("iss"));
            assertTrue(headerJson.contains("RS256"), "accepted without RS256 in the header: " + headerJson);
            if (scoped) assertTrue(allowed.scopes().contains("images/admin"), () -> "scoped route without its scope: " + allowed.scopes());
        } else {
            assertFixedRefusal(result);
        }
    }
}
