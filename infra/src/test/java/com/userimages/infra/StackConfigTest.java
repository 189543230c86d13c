package com.userimages.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;

class StackConfigTest {
    private static StackConfig config(String issuer, List<String> audience, List<String> origins, int rate, int burst) {
        return new StackConfig(issuer, audience, origins, rate, burst, 1, Path.of("x.jar"), false, List.of(), "");
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
                StackConfig.FUNCTIONS_JAR)) {
            assertTrue(context.containsKey(key), "cdk.json lacks " + key);
        }
        StackConfig config = StackConfig.fromContext(App.Builder.create().context(context).build().getNode());
        assertTrue(config.usesPlaceholderIssuer());
        assertEquals(Synth.functionsJar().toAbsolutePath().normalize(), config.functionsJar().toAbsolutePath().normalize());
    }

    @Test
    void aMissingValueNamesItsKey() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> StackConfig.fromContext(App.Builder.create().context(Map.of()).build().getNode()));
        assertTrue(e.getMessage().contains(StackConfig.JWT_ISSUER), e.getMessage());
    }

    @Test
    void numbersFromCdkJsonOrTheCommandLine() {
        Map<String, Object> context = Synth.context(Map.of(StackConfig.THROTTLE_RATE_LIMIT, "75",
                StackConfig.THROTTLE_BURST_LIMIT, 150));
        StackConfig config = StackConfig.fromContext(App.Builder.create().context(context).build().getNode());
        assertEquals(75, config.throttleRateLimit());
        assertEquals(150, config.throttleBurstLimit());
        assertThrows(IllegalArgumentException.class, () -> StackConfig.fromContext(App.Builder.create()
                .context(Synth.context(Map.of(StackConfig.THROTTLE_RATE_LIMIT, "1.5"))).build().getNode()));
    }
}
