package com.userimages.local.cli;
import com.userimages.local.auth.DevelopmentIssuer;
import com.userimages.local.auth.TestKeys;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A real identity provider's tokens: a key the test made, its JWKS given with --jwks-file, issuer
 * and audience as API Gateway's authorizer would be configured. Every route over real HTTP, and
 * every kind of bad token refused with API Gateway's 401.
 */
class JwksFileServerIT {
    @TempDir
    static Path dir;
    static TestKeys keys;
    static InProcessServer local;

    @BeforeAll
    static void start() throws Exception {
        keys = TestKeys.create();
        Path jwks = keys.writeJwks(dir);
        local = InProcessServer.startWithRealHandlers("--jwks-file", jwks.toString(),
                "--issuer", TestKeys.ISSUER, "--audience", TestKeys.AUDIENCE);
    }

    @AfterAll
    static void stop() {
        if (local != null) local.close();
    }

    @Test
    void everyRouteWorksWithTheProvidersTokens() {
        String alice = keys.token("alice", "openid images/user");
        assertEquals(200, Http.post(local.base(), "/admin/table", keys.token("alice", "images/admin"), null).status());

        Http.Reply created = Http.post(local.base(), "/collections", alice, "{\"images\":[]}");
        assertEquals(201, created.status(), created.body());
        String id = created.json().path("imagesCollectionId").asText();

        String imageId = UUID.randomUUID().toString();
        Http.Reply appended = Http.post(local.base(), "/collections/" + id + "/images", alice,
                "{\"images\":[{\"imageId\":\"" + imageId + "\",\"url\":\"https://example.com/x.png\"}]}");
        assertEquals(200, appended.status(), appended.body());

        Http.Reply collection = Http.get(local.base(), "/collections/" + id, alice);
        assertEquals(200, collection.status(), collection.body());
        assertEquals(1, collection.json().path("imageCount").asInt());

        Http.Reply image = Http.get(local.base(), "/collections/" + id + "/images/" + imageId, alice);
        assertEquals(200, image.status(), image.body());
        assertEquals("https://example.com/x.png", image.json().path("url").asText());

        DevelopmentIssuerServerIT.assertListReachedTheFunction(Http.get(local.base(), "/collections", alice), id);
    }

    static Stream<Arguments> badTokens() {
        Instant now = Instant.now();
        TestKeys otherKey = TestKeys.create();
        return Stream.of(
                Arguments.of("forged payload", keys.forged("alice", "mallory")),
                Arguments.of("signed by another key under the same kid",
                        new TestKeys(keys.key.getKeyID()).sign(TestKeys.validClaims("alice", null, now).build())),
                Arguments.of("expired", keys.token(b -> b.expirationTime(Date.from(now.minusSeconds(120))))),
                Arguments.of("not yet valid", keys.token(b -> b.notBeforeTime(Date.from(now.plusSeconds(300))))),
                Arguments.of("wrong issuer", keys.token(b -> b.issuer("https://other-idp.example.test/"))),
                Arguments.of("wrong audience", keys.token(b -> b.audience("someone-else"))),
                Arguments.of("unknown kid", otherKey.sign(TestKeys.validClaims("alice", null, now).build())),
                Arguments.of("alg none", keys.unsigned("alice")),
                Arguments.of("HS256 signed with the public key", keys.hs256WithPublicKey("alice")),
                Arguments.of("not a JWT", "abc.def.ghi"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badTokens")
    void badTokensAreUnauthorizedBeforeAnyFunctionRuns(String name, String token) {
        for (String path : new String[] {"/collections", "/collections/" + UUID.randomUUID()}) {
            Http.Reply reply = Http.get(local.base(), path, token);
            assertEquals(401, reply.status(), name);
            assertEquals("{\"message\":\"Unauthorized\"}", reply.body(), name);
            assertTrue(reply.header("www-authenticate").startsWith("Bearer "), name);
        }
        Http.Reply create = Http.post(local.base(), "/collections", token, "{\"images\":[]}");
        assertEquals(401, create.status(), name);
    }

    @Test
    void theRoutesScopeIsRequired() {
        Http.Reply reply = Http.post(local.base(), "/admin/table", keys.token("alice", "openid images/read"), null);
        assertEquals(403, reply.status());
        assertEquals("{\"message\":\"Forbidden\"}", reply.body());

        String scp = keys.token(b -> b.claim("scp", java.util.List.of("images/admin")));
        assertEquals(200, Http.post(local.base(), "/admin/table", scp, null).status());
    }

    @Test
    void clientIdStandsInForAMissingAudience() {
        String token = keys.token(b -> b.audience((String) null).claim("client_id", TestKeys.AUDIENCE).claim("scope", "images/user"));
        assertEquals(201, Http.post(local.base(), "/collections", token, "{\"images\":[]}").status());
    }

    @Test
    void thereIsNoDevelopmentIssuer() {
        assertEquals(404, Http.get(local.base(), "/.well-known/jwks.json", null).status());
        assertEquals(404, Http.post(local.base(), "/local/token", null, "{\"sub\":\"alice\"}").status());
        assertEquals(null, local.server.developmentIssuer());
    }
}
