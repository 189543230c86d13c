package com.userimages.smoke;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.userimages.local.cli.LocalProcess;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The smoke test against the real local server, started as a user starts it, in its own JVM. */
class SmokeTestIT {
    private static LocalProcess server;
    private static URI base;

    @BeforeAll
    static void startTheLocalServer() throws Exception {
        server = LocalProcess.launch(List.of("--port", "0"));
        base = server.awaitBaseUrl();
    }

    @AfterAll
    static void stop() throws Exception {
        if (server == null) return;
        // SIGTERM, as a user's kill: the server stops its engines before it exits.
        server.terminate();
    }

    @Test
    void everyCheckHoldsAgainstTheLocalServer() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = SmokeTest.run(List.of("--base-url", base.toString(), "--token-source", "local"), Map.of(),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        String printed = out.toString(StandardCharsets.UTF_8);
        assertEquals(0, code, printed + err.toString(StandardCharsets.UTF_8));
        assertTrue(printed.contains("smoke test: all 18 checks held"), printed);
        assertTrue(!printed.contains("FAIL"), printed);
    }

    @Test
    void aFailedCheckStillDeletesWhatTheRunCreated() {
        String token = new TokenSource.LocalIssuer(base, "smoke-cleanup-" + java.util.UUID.randomUUID()).token();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ApiClient api = new ApiClient(base)) {
            SmokeRun run = new SmokeRun(api, token, new PrintStream(out, true, StandardCharsets.UTF_8));
            SmokeRun.Step failing = new SmokeRun.Step("a check that fails", () -> {
                throw new SmokeFailure("planted");
            });
            SmokeFailure failure = assertThrows(SmokeFailure.class, () -> run.run(List.of(failing)));
            assertEquals("planted", failure.getMessage());
            assertEquals(404, api.send("GET", "/collections/" + run.collectionId(), token).status(),
                    "the collection made before the failure is gone: " + out.toString(StandardCharsets.UTF_8));
            assertEquals(0, api.send("GET", "/collections", token).json().path("count").asInt(), "nothing left for the smoke user");
        }
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("FAIL a check that fails: planted"));
    }

    @Test
    void aServerThatIsNotThereIsOneLineAndExit1() throws IOException {
        int port;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = SmokeTest.run(List.of("--base-url", "http://127.0.0.1:" + port, "--token-source", "local"), Map.of(),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(1, code);
        String printed = err.toString(StandardCharsets.UTF_8).strip();
        assertTrue(printed.startsWith("smoke test failed: no token: ") && !printed.contains("\n"), printed);
    }

    @Test
    void badCommandLinesAreUsageErrors() {
        for (List<String> args : List.of(List.<String>of(), List.of("--base-url", "ftp://x", "--token-source", "local"),
                List.of("--base-url", "http://127.0.0.1:1", "--token-source", "magic"),
                List.of("--base-url", "http://127.0.0.1:1", "--token-source", "cognito", "--token-url", "https://t.example", "--client-id", "c"),
                List.of("--base-url", "http://127.0.0.1:1", "--token-source", "local", "--base-url", "http://127.0.0.1:2"),
                List.of("--secret", "s3cr3t"))) {
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            assertEquals(2, SmokeTest.run(args, Map.of(), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8)), args.toString());
            assertTrue(!err.toString(StandardCharsets.UTF_8).contains("s3cr3t"), "an unknown option's value is not echoed");
        }
    }
}
