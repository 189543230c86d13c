package com.userimages.local.cli;
import com.userimages.local.auth.DevelopmentIssuer;
import com.userimages.local.runtime.EchoHandler;
import com.userimages.local.runtime.HandlerRegistry;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * --jwks-url wired end to end: one server is the identity provider (its development issuer publishes
 * a JWKS over HTTP), a second verifies that provider's tokens through the URL. Both host the test's
 * {@link EchoHandler}, so no DynamoDB or S3 is involved.
 */
class JwksUrlServerIT {
    static InProcessServer provider;
    static InProcessServer api;

    @BeforeAll
    static void start() throws Exception {
        HandlerRegistry.Factory echo = (f, components) -> new EchoHandler();
        provider = InProcessServer.start(echo, "--dynamodb-endpoint", "http://127.0.0.1:9", "--s3-endpoint", "http://127.0.0.1:9", "--images-bucket", "never-called");
        String issuer = provider.server.developmentIssuer().issuer();
        api = InProcessServer.start(echo, "--dynamodb-endpoint", "http://127.0.0.1:9", "--s3-endpoint", "http://127.0.0.1:9", "--images-bucket", "never-called",
                "--jwks-url", provider.base() + "/.well-known/jwks.json", "--issuer", issuer, "--audience", DevelopmentIssuer.AUDIENCE);
    }

    @AfterAll
    static void stop() {
        if (api != null) api.close();
        if (provider != null) provider.close();
    }

    @Test
    void tokensOfTheProviderAreVerifiedThroughItsJwksUrl() {
        Http.Reply minted = Http.post(provider.base(), "/local/token", null, "{\"sub\":\"erin\",\"scope\":\"images/admin\"}");
        String token = minted.json().path("token").asText();

        Http.Reply reply = Http.get(api.base(), "/collections", token);
        assertEquals(200, reply.status(), reply.body());
        assertEquals("erin", reply.json().path("event").path("requestContext").path("authorizer").path("jwt")
                .path("claims").path("sub").asText());
        assertEquals(201, Http.post(api.base(), "/admin/table", token, null).status());

        String otherIssuer = DevelopmentIssuer.create(provider.server.developmentIssuer().issuer(), java.time.Clock.systemUTC())
                .mint("erin", null);
        assertEquals(401, Http.get(api.base(), "/collections", otherIssuer).status(), "a key the provider never published");
    }
}
