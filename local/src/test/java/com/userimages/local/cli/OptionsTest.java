package com.userimages.local.cli;

import com.userimages.contract.ApiFunction;
import com.userimages.local.gateway.LogFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The options table of API.md: flags, their variables, defaults and the combinations that make no sense. */
class OptionsTest {
    @Test
    void defaultsAreTheOneCommandStart() throws Exception {
        ServerOptions o = ServerOptions.parse(List.of(), Map.of());
        assertEquals(3000, o.port());
        assertTrue(o.dynamoDb().embedded());
        assertNull(o.dynamoDb().dbPath());
        assertTrue(o.developmentIssuer());
        assertEquals(LogFormat.HUMAN, o.logFormat());
        assertFalse(o.seedDemo());
    }

    @Test
    void theLogFormatIsHumanOrJson() throws Exception {
        assertEquals(LogFormat.JSON, ServerOptions.parse(List.of("--log-format", "json"), Map.of()).logFormat());
        assertEquals(LogFormat.JSON, ServerOptions.parse(List.of("--log-format=JSON"), Map.of()).logFormat());
        assertEquals(LogFormat.HUMAN, ServerOptions.parse(List.of("--log-format", "human"), Map.of()).logFormat());
        for (String bad : List.of("emf", "", " ", "jsonl", "human,json", "json\u001b[2J")) {
            UsageException e = assertThrows(UsageException.class, () -> ServerOptions.parse(List.of("--log-format", bad), Map.of()), bad);
            assertTrue(e.getMessage().startsWith("--log-format must be human or json, was '"), e.getMessage());
            assertTrue(e.getMessage().chars().allMatch(c -> c >= 0x20 && c < 0x7f), "escaped: " + e.getMessage());
        }
    }

    @Test
    void seedTakesTheDemoSetOnlyAndOnlyWithTheDevelopmentIssuer(@TempDir Path dir) throws Exception {
        assertTrue(ServerOptions.parse(List.of("--seed", "demo"), Map.of()).seedDemo());
        for (String bad : List.of("demos", "", "all", "demo\r\nforged")) {
            UsageException e = assertThrows(UsageException.class, () -> ServerOptions.parse(List.of("--seed", bad), Map.of()), bad);
            assertTrue(e.getMessage().startsWith("--seed must be demo"), e.getMessage());
            assertFalse(e.getMessage().contains("\n") || e.getMessage().contains("\r"), e.getMessage());
        }
        Path jwks = Files.writeString(dir.resolve("jwks.json"), "{\"keys\":[]}");
        UsageException withJwks = assertThrows(UsageException.class, () -> ServerOptions.parse(List.of("--seed", "demo",
                "--jwks-file", jwks.toString(), "--issuer", "https://idp/", "--audience", "a"), Map.of()));
        assertTrue(withJwks.getMessage().contains("development issuer"), withJwks.getMessage());
    }

    @Test
    void environmentVariablesApplyAndFlagsWin() throws Exception {
        Map<String, String> env = Map.of("PORT", "4000", "DYNAMODB_ENDPOINT", "http://localhost:8000");
        ServerOptions fromEnv = ServerOptions.parse(List.of(), env);
        assertEquals(4000, fromEnv.port());
        assertEquals(URI.create("http://localhost:8000"), fromEnv.dynamoDb().endpoint());

        ServerOptions flags = ServerOptions.parse(List.of("--port=5000", "--db-path", "data"), env);
        assertEquals(5000, flags.port());
        assertTrue(flags.dynamoDb().embedded(), "--db-path is more specific than DYNAMODB_ENDPOINT in the shell");
        assertEquals(Path.of("data").toAbsolutePath(), flags.dynamoDb().dbPath());
    }

    @Test
    void aJwksNeedsIssuerAndAudience(@TempDir Path dir) throws Exception {
        Path jwks = Files.writeString(dir.resolve("jwks.json"), "{\"keys\":[]}");
        ServerOptions o = ServerOptions.parse(List.of("--jwks-file", jwks.toString(), "--issuer", "https://idp/", "--audience", "a, b"), Map.of());
        assertEquals(List.of("a", "b"), o.audiences());
        assertTrue(!o.developmentIssuer());

        ServerOptions fromEnv = ServerOptions.parse(List.of(), Map.of("JWKS_URL", "https://idp/jwks", "JWT_ISSUER", "https://idp/",
                "JWT_AUDIENCE", "api"));
        assertEquals(URI.create("https://idp/jwks"), fromEnv.jwksUrl());

        assertThrows(UsageException.class, () -> ServerOptions.parse(List.of("--jwks-file", jwks.toString()), Map.of()));
        assertThrows(UsageException.class, () -> ServerOptions.parse(List.of("--issuer", "https://idp/", "--audience", "a"), Map.of()));
        ServerOptions ignored = ServerOptions.parse(List.of(), Map.of("JWT_ISSUER", "https://idp/"));
        assertTrue(ignored.developmentIssuer());
        assertEquals(1, ignored.notes().size());
    }

    @Test
    void scopeFlagsSetTheFunctionsSettingsOverTheEnvironment() throws Exception {
        ServerOptions o = ServerOptions.parse(List.of("--admin-scope", "api/operator", "--data-scopes", "api/read,api/write"),
                Map.of());
        Map<String, String> env = o.functionEnvironment(Map.of("DATA_SCOPES", "x/y", "TABLE_NAME", "t"));
        assertEquals("api/read,api/write", env.get("DATA_SCOPES"));
        assertEquals("api/operator", env.get("ADMIN_SCOPE"));
        assertEquals("t", env.get("TABLE_NAME"));
        assertEquals(Map.of("DATA_SCOPES", "x/y"), ServerOptions.parse(List.of(), Map.of()).functionEnvironment(Map.of("DATA_SCOPES", "x/y")));
        var e = assertThrows(UsageException.class, () -> ServerOptions.parse(List.of("--data-scopes", "a b"), Map.of()));
        assertTrue(e.getMessage().startsWith("--data-scopes must be scope names"), e.getMessage());
        assertThrows(UsageException.class, () -> ServerOptions.parse(List.of("--admin-scope", "a,b"), Map.of()));
        assertThrows(UsageException.class, () -> ServerOptions.parse(List.of("--data-scopes", "none,a"), Map.of()));
    }

    @Test
        void nonsenseIsAUsageError() {
        for (List<String> args : List.of(List.of("--port", "x"), List.of("--port", "70000"), List.of("--prot", "1"),
                List.of("--port"), List.of("extra"), List.of("--db-path", "d", "--dynamodb-endpoint", "http://h:1"),
                List.of("--dynamodb-endpoint", "localhost:8000"), List.of("--jwks-file", "/nonexistent/jwks.json"),
                List.of("--port", "1", "--port", "2"))) {
            assertThrows(UsageException.class, () -> ServerOptions.parse(args, Map.of()), args.toString());
        }
        assertNull(assertDoesNotThrowUsage(List.of("--help")));
    }

    private static ServerOptions assertDoesNotThrowUsage(List<String> args) {
        try {
            return ServerOptions.parse(args, Map.of());
        } catch (UsageException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void invokeTakesAFunctionAnEventAndADynamoDb(@TempDir Path dir) throws Exception {
        Path event = Files.writeString(dir.resolve("e.json"), "{}");
        InvokeOptions o = InvokeOptions.parse(List.of("append-collection", "-e", event.toString(), "--db-path", dir.toString()), Map.of());
        assertEquals(ApiFunction.APPEND_COLLECTION, o.function());
        assertEquals(event, o.eventFile());
        assertEquals(dir, o.dynamoDb().dbPath());

        assertThrows(UsageException.class, () -> InvokeOptions.parse(List.of("nope", "-e", event.toString()), Map.of()));
        assertThrows(UsageException.class, () -> InvokeOptions.parse(List.of("get-item"), Map.of()));
        assertThrows(UsageException.class, () -> InvokeOptions.parse(List.of("get-item", "-e", dir.resolve("missing.json").toString()), Map.of()));
    }

    @Test
    void allowedHostsAreTheLoopbackNamesUnlessMoreAreGiven() throws Exception {
        assertEquals(com.userimages.local.gateway.AllowedHosts.LOOPBACK_ONLY, ServerOptions.parse(List.of(), Map.of()).allowedHosts());
        var hosts = ServerOptions.parse(List.of("--allowed-hosts", "Laptop.Lan,tunnel.example.test"), Map.of()).allowedHosts();
        assertTrue(hosts.allows("laptop.lan:3000") && hosts.allows("tunnel.example.test") && hosts.allows("127.0.0.1:3000"));
        assertFalse(hosts.allows("evil.example.test"));
        UsageException bad = assertThrows(UsageException.class,
                () -> ServerOptions.parse(List.of("--allowed-hosts", "laptop.lan:3000\u001b[2J"), Map.of()));
        assertTrue(bad.getMessage().startsWith("--allowed-hosts: 'laptop.lan:3000\\u001b[2J' is not a host name"), bad.getMessage());
    }

    @Test
    void corsIsOffUnlessOriginsAreGivenAndTheFlagWins() throws Exception {
        assertEquals(null, ServerOptions.parse(List.of(), Map.of()).cors());
        assertEquals(null, ServerOptions.parse(List.of(), Map.of("CORS_ALLOW_ORIGINS", " ")).cors());
        assertEquals(List.of("https://app.example.com"),
                ServerOptions.parse(List.of(), Map.of("CORS_ALLOW_ORIGINS", "https://app.example.com")).cors().allowedOrigins());
        assertEquals(List.of("http://localhost:5173", "https://b.example.com"),
                ServerOptions.parse(List.of("--cors-allow-origins", "http://localhost:5173,https://b.example.com"),
                        Map.of("CORS_ALLOW_ORIGINS", "https://app.example.com")).cors().allowedOrigins());
    }

    @Test
    void aBadOriginIsAUsageErrorNamingWhereItCameFrom() {
        UsageException flag = assertThrows(UsageException.class,
                () -> ServerOptions.parse(List.of("--cors-allow-origins", "https://app.example.com/"), Map.of()));
        assertTrue(flag.getMessage().startsWith("--cors-allow-origins: 'https://app.example.com/'"), flag.getMessage());
        UsageException env = assertThrows(UsageException.class,
                () -> ServerOptions.parse(List.of(), Map.of("CORS_ALLOW_ORIGINS", "*")));
        assertTrue(env.getMessage().startsWith("CORS_ALLOW_ORIGINS: '*' is not allowed"), env.getMessage());
    }
}
