package com.userimages.local.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The local gateway demands the deployed stack's scopes on every route, from the same definition,
 * and --admin-scope / --data-scopes rename them for the gateway and the functions alike.
 */
class RouteScopesServerIT {
    private static String scopeOf(String token) throws Exception {
        return SignedJWT.parse(token).getJWTClaimsSet().getStringClaim("scope");
    }

    @Nested
    class DefaultNames {
        @RegisterExtension
        static final InProcessServerExtension local = InProcessServerExtension.withRealHandlers();

        @Test
        void aTokenWithoutAScopeOpensNoRoute() {
            // What an ID token is: the right issuer and audience, no scope.
            String idToken = local.tokenWithoutScope("alice");
            Http.Reply list = Http.get(local.base(), "/collections", idToken);
            assertEquals(403, list.status(), list.body());
            assertEquals("Forbidden", list.json().path("message").asText());
            assertEquals(403, Http.post(local.base(), "/collections", idToken,
                    "{\"images\":[{\"url\":\"https://example.com/a.jpg\"}]}").status());
            assertEquals(403, Http.get(local.base(), "/collections", local.token("alice", "openid email")).status());
            assertEquals(200, Http.get(local.base(), "/collections", local.token("alice", "images/user")).status());
            assertEquals(200, Http.get(local.base(), "/collections", local.token("alice", "images/admin")).status());
            assertEquals(403, Http.post(local.base(), "/admin/table", local.token("alice", "images/user"), null).status());
        }

        @Test
        void aTokenAskedForWithoutAScopeIsAUsersAndWorks() throws Exception {
            for (String body : new String[] {"{\"sub\":\"bob\"}", "{\"sub\":\"bob\",\"scope\":\"\"}", "{\"sub\":\"bob\",\"scope\":null}"}) {
                Http.Reply minted = Http.post(local.base(), "/local/token", null, body);
                assertEquals(200, minted.status(), minted.body());
                String token = minted.json().path("token").asText();
                assertEquals("images/user", scopeOf(token), body);
                assertEquals(200, Http.get(local.base(), "/collections", token).status(), body);
            }
        }
    }

    @Nested
    class RenamedScopes {
        @RegisterExtension
        static final InProcessServerExtension local = InProcessServerExtension.withRealHandlers(
                "--admin-scope", "api://images/operator", "--data-scopes", "api://images/read,api://images/write");

        @Test
        void theGatewayAndTheFunctionsDemandTheConfiguredNames() {
            assertEquals(403, Http.get(local.base(), "/collections", local.token("alice", "images/user images/admin")).status());
            assertEquals(200, Http.get(local.base(), "/collections", local.token("alice", "api://images/write")).status());
            assertEquals(403, Http.post(local.base(), "/admin/table", local.token("alice", "images/admin"), null).status());
            Http.Reply table = Http.post(local.base(), "/admin/table", local.token("alice", "api://images/operator"), null);
            assertEquals(200, table.status(), "the bootstrap and the function read the renamed admin scope: " + table.body());
        }

        @Test
        void developmentTokensCarryTheConfiguredNames() throws Exception {
            Http.Reply minted = Http.post(local.base(), "/local/token", null, "{\"sub\":\"bob\"}");
            String token = minted.json().path("token").asText();
            assertEquals("api://images/read", scopeOf(token));
            assertEquals(200, Http.get(local.base(), "/collections", token).status());

            Http.Reply config = Http.get(local.base(), "/docs/config.json", null);
            assertEquals("api://images/operator api://images/read", config.json().path("scope").asText());
            String docsToken = config.json().path("token").asText();
            assertEquals(200, Http.get(local.base(), "/collections", docsToken).status());
            assertEquals(200, Http.post(local.base(), "/admin/table", docsToken, null).status());
            String banner = LocalCli.banner(local.server(), null);
            assertTrue(banner.contains("Token for sub alice, scope api://images/operator api://images/read, valid 1 hour"), banner);
            assertTrue(banner.contains("-d '{\"sub\":\"bob\"}'"), banner);
        }
    }
}
