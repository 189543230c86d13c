package com.userimages.local.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import com.userimages.local.auth.DevelopmentIssuer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The one-command default: development issuer, dynalite in memory, the real handlers. Every
 * route over real HTTP with tokens from the server's own issuer, and the printed curl line run as printed.
 */
class DevelopmentIssuerServerIT {
    @RegisterExtension
    static final InProcessServerExtension local = InProcessServerExtension.withRealHandlers();

    @Test
    void everyRouteWorksWithDevelopmentIssuerTokens() {
        String alice = local.token("alice", "");
        String admin = local.token("alice", "images/admin");

        Http.Reply table = Http.post(local.base(), "/admin/table", admin, null);
        assertEquals(200, table.status(), table.body());
        assertEquals("ACTIVE", table.json().path("status").asText());
        assertEquals(false, table.json().path("created").asBoolean(true), "the server created the table at start");

        String firstImage = UUID.randomUUID().toString();
        Http.Reply created = Http.post(local.base(), "/collections", alice,
                "{\"images\":[{\"imageId\":\"" + firstImage + "\",\"url\":\"https://example.com/a.jpg\"}]}");
        assertEquals(201, created.status(), created.body());
        String id = created.json().path("imagesCollectionId").asText();
        assertEquals("/collections/" + id, created.header("location"));

        String secondImage = UUID.randomUUID().toString();
        Http.Reply appended = Http.post(local.base(), "/collections/" + id + "/images", alice,
                "{\"images\":[{\"imageId\":\"" + secondImage + "\",\"url\":\"https://example.com/b.jpg\"}]}");
        assertEquals(200, appended.status(), appended.body());
        assertEquals(1, appended.json().path("appended").asInt());
        assertEquals(2, appended.json().path("imageCount").asInt());

        Http.Reply collection = Http.get(local.base(), "/collections/" + id, alice);
        assertEquals(200, collection.status(), collection.body());
        assertEquals(2, collection.json().path("imageCount").asInt());
        assertEquals("https://example.com/b.jpg", collection.json().path("images").path(1).path("url").asText());

        Http.Reply image = Http.get(local.base(), "/collections/" + id + "/images/" + secondImage, alice);
        assertEquals(200, image.status(), image.body());
        assertEquals(1, image.json().path("position").asInt());

        Http.Reply list = Http.get(local.base(), "/collections?limit=10", alice);
        assertListReachedTheFunction(list, id);
    }

    /** The listing shows the caller's collection: the request passed the authorizer and reached list-page. */
    static void assertListReachedTheFunction(Http.Reply list, String expectedId) {
        assertEquals(200, list.status(), list.body());
        List<String> ids = list.json().path("items").findValuesAsText("imagesCollectionId");
        assertTrue(ids.contains(expectedId), list.body());
    }

    @Test
    void anotherUsersCollectionIsNotFound() {
        String alice = local.token("alice", null);
        Http.Reply created = Http.post(local.base(), "/collections", alice, "{\"images\":[]}");
        assertEquals(201, created.status(), created.body());
        String id = created.json().path("imagesCollectionId").asText();

        String bob = local.token("bob", null);
        Http.Reply asBob = Http.get(local.base(), "/collections/" + id, bob);
        Http.Reply missing = Http.get(local.base(), "/collections/" + UUID.randomUUID(), bob);
        assertEquals(404, asBob.status(), asBob.body());
        assertEquals(missing.json().path("error").path("code"), asBob.json().path("error").path("code"),
                "another user's collection must look exactly like a missing one");
    }

    @Test
    void aBodyWithoutContentTypeArrivesBase64EncodedAndStillWorks() {
        Http.Reply created = Http.send(local.base(), "POST", "/collections", local.token("carol", null), null,
                "{\"images\":[{\"url\":\"https://example.com/c.jpg\"}]}".getBytes(StandardCharsets.UTF_8));
        assertEquals(201, created.status(), created.body());
    }

    @Test
    void adminRouteWithoutTheScopeIsForbiddenBeforeTheFunctionRuns() {
        Http.Reply reply = Http.post(local.base(), "/admin/table", local.token("alice", "images/read"), null);
        assertEquals(403, reply.status());
        assertEquals("{\"message\":\"Forbidden\"}", reply.body());
        assertTrue(reply.header("www-authenticate").contains("insufficient_scope"), reply.header("www-authenticate"));
    }

    @Test
    void noTokenIsUnauthorizedAndUnknownRoutesAreNotFound() {
        Http.Reply noToken = Http.get(local.base(), "/collections", null);
        assertEquals(401, noToken.status());
        assertEquals("{\"message\":\"Unauthorized\"}", noToken.body());

        String token = local.token("alice", null);
        for (String[] request : new String[][] {{"GET", "/nope"}, {"DELETE", "/collections"}, {"GET", "/collections/"},
                {"PUT", "/admin/table"}, {"GET", "/collections/a/images/"}}) {
            Http.Reply reply = Http.send(local.base(), request[0], request[1], token, null, null);
            assertEquals(404, reply.status(), Arrays.toString(request));
            assertEquals("{\"message\":\"Not Found\"}", reply.body(), Arrays.toString(request));
        }
    }

    @Test
    void theTokenEndpointAndJwksDescribeTheIssuer() throws Exception {
        Http.Reply minted = Http.post(local.base(), "/local/token", null, "{\"sub\":\"dora\",\"scope\":\"images/admin\"}");
        assertEquals(200, minted.status(), minted.body());
        SignedJWT jwt = SignedJWT.parse(minted.json().path("token").asText());
        assertEquals("http://127.0.0.1:" + local.server().port(), jwt.getJWTClaimsSet().getIssuer());
        assertEquals(List.of("user-images"), jwt.getJWTClaimsSet().getAudience());
        assertEquals("dora", jwt.getJWTClaimsSet().getSubject());
        long lifetime = jwt.getJWTClaimsSet().getExpirationTime().getTime() - jwt.getJWTClaimsSet().getIssueTime().getTime();
        assertEquals(TimeUnit.HOURS.toMillis(1), lifetime);

        JWKSet jwks = JWKSet.parse(Http.get(local.base(), "/.well-known/jwks.json", null).body());
        assertNotNull(jwks.getKeyByKeyId(jwt.getHeader().getKeyID()));
        assertTrue(jwks.getKeys().stream().noneMatch(k -> k.isPrivate()), "the JWKS must hold public keys only");

        Http.Reply asDora = Http.post(local.base(), "/admin/table", jwt.serialize(), null);
        assertEquals(200, asDora.status(), asDora.body());

        assertEquals(400, Http.post(local.base(), "/local/token", null, "{\"scope\":\"x\"}").status());
        assertEquals(400, Http.post(local.base(), "/local/token", null, "{\"sub\":\"a\",\"admin\":true}").status());
        assertEquals(400, Http.post(local.base(), "/local/token", null, "not json").status());
    }

    @Test
    void aTokenFromAnotherDevelopmentIssuerIsRejected() {
        DevelopmentIssuer other = DevelopmentIssuer.create("http://127.0.0.1:" + local.server().port(), java.time.Clock.systemUTC());
        Http.Reply reply = Http.get(local.base(), "/collections", other.mint("alice", null));
        assertEquals(401, reply.status());
    }

    @Test
    void thePrintedCurlLineWorksAsPrinted() throws Exception {
        String banner = LocalCli.banner(local.server(), null);
        String curl = banner.lines().filter(l -> l.startsWith("curl ") && l.contains("/collections")).findFirst()
                .orElseThrow(() -> new AssertionError("no curl line in:\n" + banner));
        assertTrue(banner.contains(local.base().toString()), banner);

        Process process = new ProcessBuilder("bash", "-c", curl).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.waitFor(), output);
        JsonNode created = Http.JSON.readTree(output);
        String id = created.path("imagesCollectionId").asText();
        assertEquals("https://example.com/cat.jpg", created.path("images").path(0).path("url").asText(), output);

        String token = banner.lines().filter(l -> l.startsWith("eyJ")).findFirst().orElseThrow();
        Http.Reply stored = Http.get(local.base(), "/collections/" + id, token);
        assertEquals(200, stored.status(), stored.body());
    }
}
