package com.userimages.local.auth;

import com.nimbusds.jose.jwk.JWKSet;
import com.sun.net.httpserver.HttpServer;
import com.userimages.contract.ApiRoute;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The JWKS at a URL: cached, fetched again for an unknown kid, but at most once a minute. */
class JwksKeySourceTest {
    private HttpServer provider;
    private final AtomicInteger fetches = new AtomicInteger();
    private final AtomicReference<String> served = new AtomicReference<>();

    /** A clock the test moves by hand. */
    static final class MutableClock extends Clock {
        Instant now = Instant.now();

        @Override public ZoneId getZone() { return ZoneOffset.UTC; }

        @Override public Clock withZone(ZoneId zone) { return this; }

        @Override public Instant instant() { return now; }
    }

    private URI serve(JWKSet keys) throws IOException {
        served.set(keys.toString());
        provider = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        provider.createContext("/jwks.json", exchange -> {
            fetches.incrementAndGet();
            byte[] body = served.get().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        provider.start();
        return URI.create("http://127.0.0.1:" + provider.getAddress().getPort() + "/jwks.json");
    }

    @AfterEach
    void stop() {
        if (provider != null) provider.stop(0);
    }

    @Test
    void anUnknownKidRefetchesAtMostOnceAMinute() throws Exception {
        TestKeys first = TestKeys.create();
        TestKeys rotated = TestKeys.create();
        MutableClock clock = new MutableClock();
        URI url = serve(first.publicJwks());
        JwtAuthorizer authorizer = new JwtAuthorizer(TestKeys.ISSUER, List.of(TestKeys.AUDIENCE),
                JwksKeySource.fromUrl(url, clock, new PrintStream(new ByteArrayOutputStream())), clock);
        assertEquals(1, fetches.get(), "fetched once at start");

        for (int i = 0; i < 5; i++) {
            assertInstanceOf(JwtAuthorizer.Allowed.class, authorizer.authorize(first.token("alice", null), ApiRoute.GET_COLLECTION));
        }
        assertEquals(1, fetches.get(), "known keys come from the cache");

        // The provider rotates; within the minute an unknown kid does not make it fetch again.
        served.set(new JWKSet(List.of(first.key.toPublicJWK(), rotated.key.toPublicJWK())).toString());
        clock.now = clock.now.plusSeconds(30);
        for (int i = 0; i < 5; i++) {
            assertInstanceOf(JwtAuthorizer.Denied.class, authorizer.authorize(rotated.token("alice", null), ApiRoute.GET_COLLECTION));
        }
        assertEquals(1, fetches.get());

        clock.now = clock.now.plus(JwksKeySource.MIN_REFETCH_INTERVAL);
        assertInstanceOf(JwtAuthorizer.Allowed.class, authorizer.authorize(rotated.token("alice", null), ApiRoute.GET_COLLECTION));
        assertEquals(2, fetches.get(), "one fetch for the new kid");

        TestKeys unknown = TestKeys.create();
        for (int i = 0; i < 5; i++) {
            assertInstanceOf(JwtAuthorizer.Denied.class, authorizer.authorize(unknown.token("alice", null), ApiRoute.GET_COLLECTION));
            clock.now = clock.now.plusSeconds(5);
        }
        assertEquals(2, fetches.get(), "made-up kids cannot make it fetch more than once a minute");
        clock.now = clock.now.plus(Duration.ofMinutes(1));
        authorizer.authorize(unknown.token("alice", null), ApiRoute.GET_COLLECTION);
        assertEquals(3, fetches.get());
    }

    @Test
    void aFileIsReadOnceAndMustBeAJwks(@TempDir Path dir) throws Exception {
        TestKeys keys = TestKeys.create();
        Path file = keys.writeJwks(dir);
        JwtAuthorizer authorizer = new JwtAuthorizer(TestKeys.ISSUER, List.of(TestKeys.AUDIENCE),
                JwksKeySource.fromFile(file), Clock.systemUTC());
        assertInstanceOf(JwtAuthorizer.Allowed.class, authorizer.authorize(keys.token("alice", null), ApiRoute.GET_COLLECTION));

        Path broken = Files.writeString(dir.resolve("broken.json"), "{\"nope\":1}");
        IOException e = assertThrows(IOException.class, () -> JwksKeySource.fromFile(broken));
        assertTrue(e.getMessage().contains("not a JWKS"), e.getMessage());
    }

    @Test
    void privateKeysInAJwksAreNeverKept() {
        TestKeys keys = TestKeys.create();
        JwksKeySource source = JwksKeySource.of(new JWKSet(keys.key));
        var all = new com.nimbusds.jose.jwk.JWKSelector(new com.nimbusds.jose.jwk.JWKMatcher.Builder().build());
        try {
            assertTrue(source.get(all, null).stream().noneMatch(k -> k.isPrivate()));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
