package com.userimages.local.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.userimages.contract.ApiFunction;
import com.userimages.contract.Setting;
import com.userimages.contract.Settings;
import com.userimages.wiring.FunctionComponents;
import com.userimages.local.cli.LocalApiServer;
import com.userimages.local.cli.ServerOptions;
import com.userimages.local.engine.StartupException;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The hosted functions' settings: every one a hosted handler reads is checked before the server is ready. */
class FunctionSettingsTest {
    private static final HandlerRegistry.Factory ECHO = (f, components) -> new EchoHandler();

    private static LocalApiServer start(Map<String, String> env, ByteArrayOutputStream console) throws Exception {
        List<String> args = new ArrayList<>(List.of("--port", "0", "--dynamodb-endpoint", "http://127.0.0.1:9",
                "--s3-endpoint", "http://127.0.0.1:9", "--images-bucket", "never-called"));
        return LocalApiServer.start(ServerOptions.parse(args, Map.of()), ECHO, env,
                new PrintStream(console, true, StandardCharsets.UTF_8), Clock.systemUTC());
    }

    @Test
    void everySettingAHostedFunctionReadsIsChecked() {
        for (ApiFunction function : ApiFunction.values()) {
            assertTrue(FunctionSettings.EVERY_FUNCTION.containsAll(function.settings()), function.functionName());
        }
    }

    @Test
    void anUnusableSettingStopsTheStartWithOneLineNamingIt() {
        for (var bad : List.of(Map.of("PAGE_TOKEN_SECRET", "abcde"), Map.of("LIST_MAX_QUERY_CALLS", "ten"),
                Map.of("MAX_IMAGES_PER_REQUEST", "0"), Map.of("PAGE_TOKEN_PREVIOUS_SECRET", "short"))) {
            ByteArrayOutputStream console = new ByteArrayOutputStream();
            StartupException e = assertThrows(StartupException.class, () -> start(bad, console).close(), bad.toString());
            String name = bad.keySet().iterator().next();
            assertTrue(e.getMessage().contains(name), e.getMessage());
            assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
            assertFalse(name.contains("SECRET") && e.getMessage().contains(bad.get(name)), "a secret is never repeated");
        }
    }

    /** LOG_LEVEL is read by every function's request log, though no function lists it among its own settings. */
    @Test
    void aBadLogLevelStopsTheStartWithOneEscapedLineNamingIt() {
        for (String value : List.of("verbose", "DEBUG", "info\u001b[2J", "WARN\nGET /forged -> 200")) {
            StartupException e = assertThrows(StartupException.class,
                    () -> start(Map.of("LOG_LEVEL", value), new ByteArrayOutputStream()).close(), value);
            assertTrue(e.getMessage().contains("LOG_LEVEL") && e.getMessage().contains("INFO or WARN"), e.getMessage());
            assertTrue(e.getMessage().chars().allMatch(c -> c >= 0x20 && c < 0x7f), "one printable line: " + e.getMessage());
        }
        assertTrue(FunctionSettings.EVERY_FUNCTION.contains(Setting.LOG_LEVEL));
        for (ApiFunction function : ApiFunction.values()) assertTrue(FunctionSettings.readBy(function).contains(Setting.LOG_LEVEL));
    }

    @Test
    void usableSettingsStart() throws Exception {
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        try (LocalApiServer server = start(Map.of("LIST_MAX_QUERY_CALLS", " 7 ", "PAGE_TOKEN_SECRET", "0123456789abcdef"), console)) {
            assertTrue(server.port() > 0);
        }
    }

    @Test
    void theDeployedHandlersAreTheClassesApiFunctionNames() {
        FunctionComponents components = FunctionComponents.of(Settings.defaults()
                .with(Setting.DYNAMODB_ENDPOINT, "http://127.0.0.1:9")
                .with(Setting.PAGE_TOKEN_SECRET, "0123456789abcdef"));
        for (ApiFunction function : ApiFunction.values()) {
            assertEquals(function.handlerClassName(), HandlerRegistry.DEPLOYED.create(function, components).getClass().getName());
        }
    }
}
