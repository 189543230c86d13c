package com.userimages.infra;

import static com.userimages.infra.TemplateModel.list;
import static com.userimages.infra.TemplateModel.map;
import static com.userimages.infra.TemplateModel.props;
import static com.userimages.infra.TemplateModel.target;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.userimages.contract.ApiRoute;
import com.userimages.contract.Scopes;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** {@code -c createUserPool=true}: the pool, its clients and domain, and an API that trusts nothing else. */
class UserPoolSignInTest {
    private final TemplateModel model = Synth.userPool().model();

    private Map<String, Object> client(String flow) {
        var clients = model.ofType("AWS::Cognito::UserPoolClient").values().stream().map(TemplateModel::props)
                .filter(c -> list(c.get("AllowedOAuthFlows")).equals(List.of(flow))).toList();
        assertEquals(1, clients.size(), flow);
        return clients.get(0);
    }

    /** A client's scope as Cognito sees it: the resource server's identifier (its Ref) + "/" + name. */
    private String scope(Object scope) {
        if (scope instanceof String s) return s;
        List<Object> parts = list(list(map(scope).get("Fn::Join")).get(1));
        String server = target(parts.get(0));
        assertEquals(model.only("AWS::Cognito::UserPoolResourceServer"), server);
        return props(model.resource(server)).get("Identifier") + (String) parts.get(1);
    }

    @Test
    void noneOfItWithoutTheOption() {
        for (String type : List.of("AWS::Cognito::UserPool", "AWS::Cognito::UserPoolClient",
                "AWS::Cognito::UserPoolDomain", "AWS::Cognito::UserPoolResourceServer")) {
            assertEquals(Map.of(), Synth.shared().model().ofType(type), type);
        }
    }

    @Test
    void resourceServerCarriesTheApisScopes() {
        Map<String, Object> server = props(model.resource(model.only("AWS::Cognito::UserPoolResourceServer")));
        Set<String> full = new TreeSet<>();
        for (Object s : list(server.get("Scopes"))) full.add(server.get("Identifier") + "/" + map(s).get("ScopeName"));
        assertEquals(Set.of(Scopes.ADMIN, Scopes.USER), full);
    }

    @Test
    void poolRequiresStrongPasswordsAndTotpAndInvitesOnly() {
        Map<String, Object> pool = model.resource(model.only("AWS::Cognito::UserPool"));
        Map<String, Object> p = props(pool);
        Map<String, Object> password = map(map(p.get("Policies")).get("PasswordPolicy"));
        assertTrue(((Number) password.get("MinimumLength")).intValue() >= 12);
        for (String r : List.of("RequireLowercase", "RequireUppercase", "RequireNumbers", "RequireSymbols")) {
            assertEquals(true, password.get(r), r);
        }
        assertEquals("ON", p.get("MfaConfiguration"));
        assertEquals(List.of("SOFTWARE_TOKEN_MFA"), p.get("EnabledMfas"));
        assertEquals(Map.of("AllowAdminCreateUserOnly", true), p.get("AdminCreateUserConfig"));
        assertEquals("Retain", pool.get("DeletionPolicy"), "the people in it outlive the stack");
    }

    @Test
    void peopleClientIsPublicWithCodeFlowAndTheUserScope() {
        Map<String, Object> people = client("code");
        assertEquals(false, people.get("GenerateSecret"));
        assertEquals(true, people.get("AllowedOAuthFlowsUserPoolClient"));
        assertEquals(Synth.CALLBACK_URLS, people.get("CallbackURLs"));
        List<String> scopes = list(people.get("AllowedOAuthScopes")).stream().map(this::scope).toList();
        assertTrue(scopes.contains(Scopes.USER), scopes.toString());
        assertFalse(scopes.contains(Scopes.ADMIN), "people are not admins by signing in");
        assertEquals("ENABLED", people.get("PreventUserExistenceErrors"));
    }

    @Test
    void machineClientHasASecretAndMayRequestAdmin() {
        Map<String, Object> machine = client("client_credentials");
        assertEquals(true, machine.get("GenerateSecret"));
        assertEquals(List.of(Scopes.ADMIN), list(machine.get("AllowedOAuthScopes")).stream().map(this::scope).toList());
        assertNull(machine.get("CallbackURLs"));
    }

    @Test
    void domainPrefixIsTheAccountAndTheStacksOwnUuid() {
        Map<String, Object> domain = props(model.resource(model.only("AWS::Cognito::UserPoolDomain")));
        assertEquals(Map.of("Ref", model.only("AWS::Cognito::UserPool")), domain.get("UserPoolId"));
        List<Object> parts = list(list(map(domain.get("Domain")).get("Fn::Join")).get(1));
        assertEquals("user-images-", parts.get(0));
        assertEquals(Map.of("Ref", "AWS::AccountId"), parts.get(1));
        assertEquals(Map.of("Fn::Select", List.of(0, Map.of("Fn::Split", List.of("-",
                Map.of("Fn::Select", List.of(2, Map.of("Fn::Split", List.of("/", Map.of("Ref", "AWS::StackId"))))))))),
                parts.get(3));
    }

    @Test
    void authorizerTrustsThePoolAndItsTwoClientsOnly() {
        String pool = model.only("AWS::Cognito::UserPool");
        Map<String, Object> jwt = map(props(model.resource(model.only("AWS::ApiGatewayV2::Authorizer"))).get("JwtConfiguration"));
        assertEquals(Map.of("Fn::Join", List.of("", List.of("https://cognito-idp.", Map.of("Ref", "AWS::Region"),
                ".amazonaws.com/", Map.of("Ref", pool)))), jwt.get("Issuer"));
        assertEquals(new TreeSet<>(model.ofType("AWS::Cognito::UserPoolClient").keySet()),
                new TreeSet<>(list(jwt.get("Audience")).stream().map(TemplateModel::target).toList()));
        assertFalse(jwt.toString().contains(Synth.ISSUER), "the context's issuer is not trusted as well");
    }

    @ParameterizedTest
    @EnumSource(ApiRoute.class)
    void dataRoutesNeedAnAccessTokensScopeAndAdminKeepsItsOwn(ApiRoute route) {
        Object scopes = HttpApiTest.route(model, route).get("AuthorizationScopes");
        // An ID token (aud = client id) carries no scope: refused on data routes too.
        assertEquals(route.isAdmin() ? List.of(Scopes.ADMIN) : List.of(Scopes.USER, Scopes.ADMIN), scopes);
    }

    @Test
    void thePoolIsProtectedFromDeletion() {
        Map<String, Object> pool = model.resource(model.only("AWS::Cognito::UserPool"));
        assertEquals("ACTIVE", props(pool).get("DeletionProtection"));
        assertEquals("Retain", pool.get("DeletionPolicy"));
    }

    @Test
    void theHostedSignInClientRotatesRefreshTokensAndOffersNoDirectSignIn() {
        Map<String, Object> people = props(model.resource(clientWithFlow("code")));
        assertEquals(Map.of("Feature", "ENABLED", "RetryGracePeriodSeconds", UserPoolSignIn.REFRESH_TOKEN_RETRY_GRACE_SECONDS),
                people.get("RefreshTokenRotation"));
        // Present (omitted would mean SRP, custom and refresh-token auth) and empty: the hosted page only.
        assertEquals(List.of(), people.get("ExplicitAuthFlows"));
        Map<String, Object> machine = props(model.resource(clientWithFlow("client_credentials")));
        assertEquals(List.of("ALLOW_REFRESH_TOKEN_AUTH"), machine.get("ExplicitAuthFlows"));
    }

    private String clientWithFlow(String flow) {
        return model.ofType("AWS::Cognito::UserPoolClient").entrySet().stream()
                .filter(e -> list(props(e.getValue()).get("AllowedOAuthFlows")).contains(flow))
                .map(Map.Entry::getKey).findFirst().orElseThrow();
    }

    @Test
    void outputsNameWhatAClientNeeds() {
        Map<String, Object> outputs = map(model.json().get("Outputs"));
        for (String o : List.of("UserPoolId", "PeopleClientId", "MachineClientId", "Issuer", "SignInUrl", "TokenUrl")) {
            assertTrue(outputs.containsKey(o), o);
        }
        assertTrue(String.valueOf(outputs.get("TokenUrl")).contains(".amazoncognito.com/oauth2/token"));
        Map<String, Object> defaults = map(Synth.shared().model().json().get("Outputs"));
        assertFalse(defaults.containsKey("UserPoolId"));
    }
}
