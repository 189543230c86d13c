package com.userimages.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.userimages.contract.RouteScopes;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;

class StackConfigTest {
    private static StackConfig config(String issuer, List<String> audience, List<String> origins, int rate, int burst) {
        return new StackConfig(issuer, audience, origins, rate, burst, 1, Path.of("x.jar"), false, List.of(), "",
                RouteScopes.DEFAULTS, 100, StackConfig.DEV_STAGE, TrafficShifting.ALL_AT_ONCE);
    }

    @Test
    void rejectsWhatApiGatewayWouldRejectAtDeployTime() {
        assertThrows(IllegalArgumentException.class, () -> config("http://issuer.test/", List.of("a"), List.of(), 1, 1));
        assertThrows(IllegalArgumentException.class, () -> config("issuer", List.of("a"), List.of(), 1, 1));
        assertThrows(IllegalArgumentException.class, () -> config("https://issuer.test/", List.of(), List.of(), 1, 1));
        assertThrows(IllegalArgumentException.class,
                () -> config("https://issuer.test/", List.of("a"), List.of("https://app.test/path"), 1, 1));
        assertThrows(IllegalArgumentException.class, () -> config("https://issuer.test/", List.of("a"), List.of(), 0, 1));
    }

    @Test
    void listsAreCommaSeparatedAndBlankMeansNone() {
        assertEquals(List.of("a", "b"), StackConfig.list(" a, ,b ,"));
        assertEquals(List.of(), StackConfig.list(""));
        assertFalse(config("https://issuer.test/", List.of("a"), List.of(), 1, 1).corsEnabled());
        assertTrue(config("https://issuer.test/", List.of("a"), List.of("https://app.test:8443"), 1, 1).corsEnabled());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cdkJsonContext() throws Exception {
        Map<String, Object> cdkJson = new ObjectMapper().readValue(Path.of("cdk.json").toFile(), Map.class);
        return (Map<String, Object>) cdkJson.get("context");
    }

    @Test
    void cdkJsonHasAPlaceholderForEveryContextValue() throws Exception {
        Map<String, Object> context = cdkJsonContext();
        for (String key : List.of(StackConfig.JWT_ISSUER, StackConfig.JWT_AUDIENCE, StackConfig.CORS_ALLOW_ORIGINS,
                StackConfig.THROTTLE_RATE_LIMIT, StackConfig.THROTTLE_BURST_LIMIT, StackConfig.PAGE_TOKEN_KEY_GENERATION,
                StackConfig.FUNCTIONS_JAR, StackConfig.CREATE_USER_POOL, StackConfig.CALLBACK_URLS,
                StackConfig.ALARM_EMAIL, StackConfig.ADMIN_SCOPE, StackConfig.DATA_SCOPES, StackConfig.RESERVED_CONCURRENCY)) {
            assertTrue(context.containsKey(key), "cdk.json lacks " + key);
        }
        // A stage there would turn every plain `cdk deploy` into a UserImagesStage beside today's stack.
        assertFalse(context.containsKey(StackConfig.STAGE), "cdk.json must not name a stage");
        StackConfig config = StackConfig.fromContext(App.Builder.create().context(context).build().getNode());
        assertTrue(config.usesPlaceholderIssuer());
        assertEquals(Synth.functionsJar().toAbsolutePath().normalize(), config.functionsJar().toAbsolutePath().normalize());
    }

    @Test
    void cdkJsonsScopesAreTheDefaultsAndRenamingIsForAnExternalProviderOnly() throws Exception {
        StackConfig fromCdkJson = StackConfig.fromContext(App.Builder.create().context(cdkJsonContext()).build().getNode());
        assertEquals(RouteScopes.DEFAULTS, fromCdkJson.routeScopes());
        assertEquals(100, fromCdkJson.reservedConcurrency());
        assertEquals(StackConfig.DEV_STAGE, fromCdkJson.stage());
        StackConfig renamed = fromContext(Map.of(StackConfig.ADMIN_SCOPE, "api/admin", StackConfig.DATA_SCOPES, "api/read, api/write"));
        assertEquals(List.of("api/read", "api/write"), renamed.routeScopes().dataScopes());
        var bad = assertThrows(IllegalArgumentException.class, () -> fromContext(Map.of(StackConfig.DATA_SCOPES, "api/read api/write")));
        assertTrue(bad.getMessage().startsWith("adminScope/dataScopes: "), bad.getMessage());
        var withPool = assertThrows(IllegalArgumentException.class, () -> fromContext(Map.of(StackConfig.CREATE_USER_POOL, "true",
                StackConfig.CALLBACK_URLS, "https://app.test/cb", StackConfig.DATA_SCOPES, "none")));
        assertTrue(withPool.getMessage().contains("createUserPool=true"), withPool.getMessage());
        assertThrows(IllegalArgumentException.class, () -> fromContext(Map.of(StackConfig.RESERVED_CONCURRENCY, 0)));
    }

    @Test
    void theLocalhostCallbackIsForADevStageOnly() {
        Map<String, Object> pool = Map.of(StackConfig.CREATE_USER_POOL, "true",
                StackConfig.CALLBACK_URLS, "https://app.test/cb,http://localhost:8080/callback");
        // No stage, or dev: a development stack keeps it.
        assertTrue(fromContext(pool).createUserPool());
        Map<String, Object> prod = new java.util.HashMap<>(pool);
        prod.put(StackConfig.STAGE, "prod");
        var e = assertThrows(IllegalArgumentException.class, () -> fromContext(prod));
        assertEquals("callbackUrls still holds the development callback http://localhost:8080/callback but stage is 'prod':"
                + " give the app's own https callback (-c callbackUrls=https://app.example.com/callback), or -c stage=dev"
                + " for a development stack", e.getMessage());
        prod.put(StackConfig.CALLBACK_URLS, "https://app.test/cb");
        assertEquals("prod", fromContext(prod).stage());
        // Without the pool there is no callback to worry about.
        assertEquals("prod", fromContext(Map.of(StackConfig.STAGE, "prod", StackConfig.CALLBACK_URLS, "http://localhost:8080/callback")).stage());
        assertThrows(IllegalArgumentException.class, () -> fromContext(Map.of(StackConfig.STAGE, "pro d")));
    }

    @Test
    void aMissingValueNamesItsKey() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> StackConfig.fromContext(App.Builder.create().context(Map.of()).build().getNode()));
        assertTrue(e.getMessage().contains(StackConfig.JWT_ISSUER), e.getMessage());
    }

    @Test
    void numbersFromCdkJsonOrTheCommandLine() {
        StackConfig config = fromContext(Map.of(StackConfig.THROTTLE_RATE_LIMIT, "75", StackConfig.THROTTLE_BURST_LIMIT, 150));
        assertEquals(75, config.throttleRateLimit());
        assertEquals(150, config.throttleBurstLimit());
        assertThrows(IllegalArgumentException.class, () -> fromContext(Map.of(StackConfig.THROTTLE_RATE_LIMIT, "1.5")));
    }

    private static StackConfig fromContext(Map<String, Object> overrides) {
        return StackConfig.fromContext(App.Builder.create().context(Synth.context(overrides)).build().getNode());
    }

    @Test
    void createUserPoolIsTrueOrFalseFromCdkJsonOrTheCommandLine() {
        assertTrue(fromContext(Map.of(StackConfig.CREATE_USER_POOL, "true",
                StackConfig.CALLBACK_URLS, "http://localhost:8080/callback")).createUserPool());
        assertTrue(fromContext(Map.of(StackConfig.CREATE_USER_POOL, true,
                StackConfig.CALLBACK_URLS, "http://localhost:8080/callback")).createUserPool());
        assertFalse(fromContext(Map.of(StackConfig.CREATE_USER_POOL, "false")).createUserPool());
        for (String typo : List.of("yes", "TRUE", "1", "")) {
            var e = assertThrows(IllegalArgumentException.class,
                    () -> fromContext(Map.of(StackConfig.CREATE_USER_POOL, typo)), typo);
            assertTrue(e.getMessage().contains(StackConfig.CREATE_USER_POOL), e.getMessage());
        }
    }

    @Test
    void callbackUrlsAreHttpsOrLocalhostWithoutFragment() {
        assertEquals(List.of("https://app.example.com/cb", "http://localhost:8080/callback", "http://localhost"),
                fromContext(Map.of(StackConfig.CALLBACK_URLS,
                        "https://app.example.com/cb, http://localhost:8080/callback,http://localhost")).callbackUrls());
        for (String bad : List.of("http://app.example.com/cb", "https://app.example.com/cb#x", "javascript:alert(1)",
                "https://app example.com/", "http://localhost.evil.com/cb", "ftp://localhost/")) {
            assertThrows(IllegalArgumentException.class, () -> fromContext(Map.of(StackConfig.CALLBACK_URLS, bad)), bad);
        }
        // The people client needs somewhere to send a signed-in person back to.
        assertThrows(IllegalArgumentException.class, () -> fromContext(Map.of(StackConfig.CREATE_USER_POOL, "true",
                StackConfig.CALLBACK_URLS, " , ")));
    }

    @Test
    void alarmEmailIsOneAddressOrNothing() {
        assertEquals("", fromContext(Map.of()).alarmEmail());
        assertEquals("ops@example.com", fromContext(Map.of(StackConfig.ALARM_EMAIL, " ops@example.com ")).alarmEmail());
        for (String bad : List.of("ops", "ops@example", "a@b.c,d@e.f", "ops @example.com", "@example.com")) {
            assertThrows(IllegalArgumentException.class, () -> fromContext(Map.of(StackConfig.ALARM_EMAIL, bad)), bad);
        }
    }

    @Test
    void withTheUserPoolThePlaceholderIssuerIsNoConcern() {
        StackConfig config = fromContext(Map.of(StackConfig.JWT_ISSUER, StackConfig.PLACEHOLDER_ISSUER,
                StackConfig.CREATE_USER_POOL, "true", StackConfig.CALLBACK_URLS, "http://localhost:8080/callback"));
        assertFalse(config.usesPlaceholderIssuer(), "the pool's issuer is trusted, not the context's");
        assertTrue(fromContext(Map.of(StackConfig.JWT_ISSUER, StackConfig.PLACEHOLDER_ISSUER)).usesPlaceholderIssuer());
    }

    @Test
    void aStagesOwnSettingsReplaceTheTopLevelOnesAndATypoFailsTheSynth() {
        Map<String, Object> context = new java.util.HashMap<>(Synth.context(Map.of()));
        context.put(StackConfig.STAGES, Map.of("prod", Map.of(StackConfig.ALARM_EMAIL, "oncall@example.com",
                StackConfig.TRAFFIC_SHIFTING, "canary", StackConfig.RESERVED_CONCURRENCY, 400)));
        var node = App.Builder.create().context(context).build().getNode();
        StackConfig prod = StackConfig.forStage(node, "prod");
        assertEquals("prod", prod.stage());
        assertEquals("oncall@example.com", prod.alarmEmail());
        assertEquals(TrafficShifting.CANARY, prod.trafficShifting());
        assertEquals(400, prod.reservedConcurrency());
        assertEquals(Synth.ISSUER, prod.jwtIssuer(), "what the stage does not set comes from the top level");
        StackConfig dev = StackConfig.forStage(node, "dev");
        assertEquals(TrafficShifting.ALL_AT_ONCE, dev.trafficShifting());
        assertEquals("", dev.alarmEmail());

        context.put(StackConfig.STAGES, Map.of("prod", Map.of("alarmEmial", "oncall@example.com")));
        var typo = assertThrows(IllegalArgumentException.class,
                () -> StackConfig.forStage(App.Builder.create().context(context).build().getNode(), "prod"));
        assertTrue(typo.getMessage().startsWith("stages.prod.alarmEmial is no per-stage setting (one of jwtIssuer, "), typo.getMessage());
        context.put(StackConfig.STAGES, Map.of("prod", Map.of(StackConfig.TRAFFIC_SHIFTING, "linear")));
        var shifting = assertThrows(IllegalArgumentException.class,
                () -> StackConfig.forStage(App.Builder.create().context(context).build().getNode(), "prod"));
        assertEquals("trafficShifting is all-at-once or canary, was 'linear'", shifting.getMessage());
        context.put(StackConfig.STAGES, "prod");
        var notAnObject = assertThrows(IllegalArgumentException.class,
                () -> StackConfig.forStage(App.Builder.create().context(context).build().getNode(), "prod"));
        assertTrue(notAnObject.getMessage().startsWith("stages must be an object"), notAnObject.getMessage());
    }

    @Test
    void cdkJsonsStagesAreValid() throws Exception {
        var node = App.Builder.create().context(cdkJsonContext()).build().getNode();
        assertEquals(TrafficShifting.ALL_AT_ONCE, StackConfig.forStage(node, "dev").trafficShifting());
        assertEquals(TrafficShifting.CANARY, StackConfig.forStage(node, "prod").trafficShifting());
        assertTrue(StackConfig.forStage(node, "dev").createUserPool(), "the smoke test's machine client needs the pool");
    }
}
