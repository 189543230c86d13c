package com.userimages.infra;

import static com.userimages.infra.TemplateModel.list;
import static com.userimages.infra.TemplateModel.map;
import static com.userimages.infra.TemplateModel.props;
import static com.userimages.infra.TemplateModel.target;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.userimages.contract.ApiRoute;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class HttpApiTest {
    private final TemplateModel model = Synth.shared().model();

    static Map<String, Object> route(TemplateModel model, ApiRoute route) {
        var matches = model.ofType("AWS::ApiGatewayV2::Route").values().stream()
                .filter(r -> route.routeKey().equals(props(r).get("RouteKey")))
                .toList();
        assertEquals(1, matches.size(), "routes " + route.routeKey());
        return props(matches.get(0));
    }

    @Test
    void routesAreExactlyTheFunctionsModulesRouteTable() {
        List<Object> deployed = model.ofType("AWS::ApiGatewayV2::Route").values().stream()
                .map(r -> props(r).get("RouteKey"))
                .sorted()
                .toList();
        List<Object> expected = Arrays.stream(ApiRoute.values()).map(ApiRoute::routeKey).sorted()
                .collect(Collectors.toList());
        assertEquals(expected, deployed);
    }

    @ParameterizedTest
    @EnumSource(ApiRoute.class)
    void everyRouteIsJwtGuardedWithItsScopes(ApiRoute route) {
        Map<String, Object> r = route(model, route);
        assertEquals("JWT", r.get("AuthorizationType"));
        String authorizer = target(r.get("AuthorizerId"));
        assertEquals(Set.of(authorizer), model.ofType("AWS::ApiGatewayV2::Authorizer").keySet());
        // Data routes too, with the operator's identity provider: an ID token (an audience, no scope) never passes.
        assertFalse(route.requiredScopes().isEmpty());
        assertEquals(route.requiredScopes(), r.get("AuthorizationScopes"));
    }

    private static Synth.Result renamed;

    /** adminScope renamed and dataScopes off, as an operator whose identity provider names scopes its own way. */
    static synchronized Synth.Result renamedScopes() {
        if (renamed == null) {
            renamed = Synth.synth(Map.of(StackConfig.ADMIN_SCOPE, "api://images/operator", StackConfig.DATA_SCOPES, "none"),
                    java.nio.file.Path.of(System.getProperty("cdk.outdir", "target/cdk")).resolveSibling("cdk-scopes"));
        }
        return renamed;
    }

    @ParameterizedTest
    @EnumSource(ApiRoute.class)
    void theScopeNamesAreContextValuesAndNoneTurnsACheckOff(ApiRoute route) {
        TemplateModel model = renamedScopes().model();
        Map<String, Object> r = route(model, route);
        if (route.isAdmin()) {
            assertEquals(List.of("api://images/operator"), r.get("AuthorizationScopes"));
        } else {
            assertNull(r.get("AuthorizationScopes"));
        }
        // The functions check the same names.
        Map<String, Object> env = model.ofType("AWS::Lambda::Function").values().stream().map(TemplateModel::props)
                .filter(p -> p.get("Handler").toString().startsWith(route.function().handlerClassName() + "::"))
                .map(p -> map(map(p.get("Environment")).get("Variables"))).findFirst().orElseThrow();
        assertEquals(route.isAdmin() ? "api://images/operator" : "none",
                env.get(route.isAdmin() ? "ADMIN_SCOPE" : "DATA_SCOPES"));
    }

    @Test
    void turningScopesOffIsWarnedAbout() {
        var warnings = renamedScopes().annotations().findWarning("*",
                software.amazon.awscdk.assertions.Match.stringLikeRegexp(".*dataScopes=none.*"));
        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(Synth.shared().annotations().findWarning("*",
                software.amazon.awscdk.assertions.Match.stringLikeRegexp(".*none.*")).isEmpty());
    }

    @Test
    void adminRouteNeedsTheAdminScope() {
        assertEquals(List.of("images/admin"), route(model, ApiRoute.CREATE_TABLE).get("AuthorizationScopes"));
    }

    @ParameterizedTest
    @EnumSource(ApiRoute.class)
    void everyRouteInvokesTheAliasOfItsFunction(ApiRoute route) {
        Object routeTarget = route(model, route).get("Target");
        // Target is "integrations/" + Ref(integration).
        List<Object> join = list(list(map(routeTarget).get("Fn::Join")).get(1));
        assertEquals("integrations/", join.get(0));
        Map<String, Object> integration = props(model.resource(target(join.get(1))));
        assertEquals("AWS_PROXY", integration.get("IntegrationType"));
        assertEquals("2.0", integration.get("PayloadFormatVersion"));

        Map<String, Object> alias = model.resource(target(integration.get("IntegrationUri")));
        assertEquals("AWS::Lambda::Alias", alias.get("Type"), "an unaliased integration would run $LATEST");
        String fn = target(props(alias).get("FunctionName"));
        assertEquals(FunctionsTest.function(model, route.function()).getKey(), fn);
    }

    @Test
    void authorizerTakesIssuerAndAudienceFromContext() {
        var authorizer = props(model.ofType("AWS::ApiGatewayV2::Authorizer").values().iterator().next());
        assertEquals("JWT", authorizer.get("AuthorizerType"));
        assertEquals(List.of("$request.header.Authorization"), authorizer.get("IdentitySource"));
        assertEquals(Map.of("Issuer", Synth.ISSUER, "Audience", Synth.AUDIENCE), authorizer.get("JwtConfiguration"));
    }

    @Test
    void defaultStageIsThrottledAndAccessLogged() throws Exception {
        var stages = model.ofType("AWS::ApiGatewayV2::Stage");
        assertEquals(1, stages.size());
        Map<String, Object> stage = props(stages.values().iterator().next());
        assertEquals("$default", stage.get("StageName"));
        assertEquals(true, stage.get("AutoDeploy"));
        Map<String, Object> throttle = map(stage.get("DefaultRouteSettings"));
        assertEquals(Synth.RATE_LIMIT, ((Number) throttle.get("ThrottlingRateLimit")).intValue());
        assertEquals(Synth.BURST_LIMIT, ((Number) throttle.get("ThrottlingBurstLimit")).intValue());

        Map<String, Object> accessLog = map(stage.get("AccessLogSettings"));
        assertEquals("AWS::Logs::LogGroup", model.resource(target(accessLog.get("DestinationArn"))).get("Type"));
        String format = (String) accessLog.get("Format");
        assertTrue(format.contains("$context.requestId"), "API Gateway requires the request id in the format");
        // One JSON object per line, so CloudWatch Logs Insights can query its fields.
        assertInstanceOf(Map.class, new ObjectMapper().readValue(format, Object.class));
    }

    @Test
    void corsIsOffUnlessConfigured() {
        var api = props(model.ofType("AWS::ApiGatewayV2::Api").values().iterator().next());
        assertFalse(api.containsKey("CorsConfiguration"));
    }

    @Test
    void corsFromContext() {
        var withCors = Synth.variant().model();
        var api = props(withCors.ofType("AWS::ApiGatewayV2::Api").values().iterator().next());
        Map<String, Object> cors = map(api.get("CorsConfiguration"));
        assertEquals(List.of("https://app.example.com", "https://admin.example.com"), cors.get("AllowOrigins"));
        assertTrue(list(cors.get("AllowHeaders")).contains("authorization"));
        assertTrue(list(cors.get("AllowMethods")).containsAll(List.of("GET", "POST", "PUT", "DELETE")));
        assertTrue(list(cors.get("AllowHeaders")).containsAll(List.of("if-match", "if-none-match")));
        assertTrue(list(cors.get("ExposeHeaders")).contains("etag"), "a browser script reads the ETag");
    }
}
