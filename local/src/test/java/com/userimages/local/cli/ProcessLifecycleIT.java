package com.userimages.local.cli;

import com.userimages.local.runtime.FunctionSettings;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The server as a process: start-up, Ctrl-C, a restart on the same --db-path, a taken port, a bad option. */
class ProcessLifecycleIT {

    @Test
    void ctrlCExitsZeroAndARestartOnTheSameDbPathKeepsTheData(@TempDir Path db) throws Exception {
        int port = LocalProcess.freeLoopbackPort();
        List<String> args = List.of("--port", Integer.toString(port), "--db-path", db.toString());
        String id;
        String firstToken;
        String pageToken;
        try (LocalProcess first = LocalProcess.launch(args)) {
            Duration portOpen = first.awaitPortOpen(port);
            assertEquals("Ctrl-C stops the server.", first.awaitReady(), first.output());
            Duration ready = Duration.ofNanos(System.nanoTime() - first.launchedNanos);
            // Measured and reported, never asserted: machines differ.
            String readyLine = first.awaitLine("Ready ");
            System.out.printf("start-up: port open %d ms, banner printed %d ms after launch; %s%n",
                    portOpen.toMillis(), ready.toMillis(), readyLine);
            // What the banner says is the JVM's own uptime: never more than the time since launch
            // (plus its rounding to a tenth), which a start instant in whole seconds of boot time was.
            double reportedSeconds = Double.parseDouble(readyLine.replaceAll("^.*Ready ([0-9.]+) s after the JVM started.*$", "$1"));
            assertTrue(reportedSeconds * 1000 <= ready.toMillis() + 50, readyLine + ", but the banner came " + ready.toMillis() + " ms after launch");

            firstToken = first.awaitLine("eyJ");
            var base = java.net.URI.create("http://127.0.0.1:" + port);
            Http.Reply created = Http.post(base, "/collections", firstToken,
                    "{\"timestamp\":\"2026-01-01T00:00:00Z\",\"images\":[{\"url\":\"https://example.com/kept.jpg\"}]}");
            assertEquals(201, created.status(), created.body());
            id = created.json().path("imagesCollectionId").asText();
            assertEquals(201, Http.post(base, "/collections", firstToken, "{\"images\":[]}").status());

            Http.Reply page = Http.get(base, "/collections?limit=1", firstToken);
            assertEquals(200, page.status(), page.body());
            pageToken = page.json().path("pagination").path("nextToken").textValue();
            assertNotNull(pageToken, "two collections, limit 1: there is a next page: " + page.body());

            // The default console: the banner, then one short line per request; no JSON request line
            // (the table's creation at start included), no JVM or engine message.
            assertTrue(first.stdout.getFirst().startsWith("user-images local API on "), first.output());
            assertTrue(first.stdout.stream().anyMatch(line -> line.startsWith("  DynamoDB: dynalite, data in " + db.resolve("dynalite"))),
                    first.output());
            assertTrue(first.stdout.contains("  S3:       s3rver, bucket user-images-local, data in " + db.resolve("s3")), first.output());
            assertTrue(first.stdout.stream().noneMatch(line -> line.startsWith("{")), first.output());
            assertTrue(first.stdout.stream().anyMatch(line -> line.matches("POST /collections -> 201 \\(\\d+ ms\\) \\[append-collection] id=\\S+")),
                    first.output());

            assertEquals(0, first.interrupt(), first.output());
            assertTrue(first.stdout.contains("Stopped."), first.output());
        }
        assertTrue(Files.exists(db.resolve(FunctionSettings.SECRET_FILE)), "the page-token secret is kept with the data");

        try (LocalProcess second = LocalProcess.launch(args)) {
            assertEquals("Ctrl-C stops the server.", second.awaitReady(), second.output());
            var base = java.net.URI.create("http://127.0.0.1:" + port);
            String token = second.awaitLine("eyJ");
            Http.Reply kept = Http.get(base, "/collections/" + id, token);
            assertEquals(200, kept.status(), kept.body());
            assertEquals("https://example.com/kept.jpg", kept.json().path("images").path(0).path("url").asText());
            assertEquals("2026-01-01T00:00:00Z", kept.json().path("timestamp").asText());

            Http.Reply next = Http.get(base, "/collections?limit=1&nextToken=" + pageToken, token);
            assertEquals(200, next.status(), "a page token from before the restart still works: " + next.body());
            assertEquals(1, next.json().path("count").asInt(), next.body());
            assertEquals(401, Http.get(base, "/collections/" + id, firstToken).status(),
                    "development tokens die with the process that made their key");
            assertEquals(0, second.interrupt(), second.output());
        }
    }

    /**
     * A shell starts a background job with SIGINT ignored, and the JVM then keeps it ignored whatever
     * handler is asked for: the banner must not promise that Ctrl-C stops the server, and says how to.
     */
    @Test
    void startedWithSigintIgnoredTheBannerSaysSoAndSigtermStopsIt() throws Exception {
        Path bash = Path.of("/bin/bash");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(bash), "needs a POSIX shell to start a process with SIGINT ignored");
        List<String> command = new java.util.ArrayList<>(List.of(bash.toString(), "-c", "trap '' INT; exec \"$@\"", "sigint-ignored"));
        command.addAll(LocalProcess.command(List.of("--port", "0")).stream().dropWhile(part -> !part.endsWith("java")).toList());
        try (LocalProcess process = LocalProcess.launch(command, true)) {
            String ready = process.awaitReady();
            assertTrue(ready.startsWith("Ctrl-C cannot stop this server: it was started with SIGINT ignored"), process.output());
            assertTrue(ready.endsWith("stop it with kill " + process.process.pid() + "."), ready);
            assertEquals(0, process.terminate(), process.output());
            assertTrue(process.stdout.contains("Stopped."), process.output());
        }
    }

    @Test
    void aBadLogFormatSeedOrS3OptionIsOneErrorLineAndAUsageExitCode() throws Exception {
        for (List<String> args : List.of(List.of("--log-format", "xml"), List.of("--seed", "everything"), List.of("--log-format", "json\u001b[2J"),
                List.of("--s3-endpoint", "localhost:9000\u001b[2J", "--images-bucket", "b-1"), List.of("--images-bucket", "b-1"))) {
            try (LocalProcess process = LocalProcess.launch(args)) {
                assertEquals(2, process.exitCode(), process.output());
                List<String> errors = process.stderr.stream().filter(line -> line.startsWith("error:")).toList();
                assertEquals(1, errors.size(), process.output());
                assertTrue(errors.getFirst().startsWith("error: " + args.getFirst() + " must be ")
                        || errors.getFirst().startsWith("error: " + args.getFirst() + " names the bucket of the S3 given with --s3-endpoint"),
                        errors.getFirst());
                assertTrue(process.stdout.isEmpty(), process.output());
                assertTrue(process.output().chars().noneMatch(c -> c == 0x1b), "an escape is never printed raw: " + process.output());
            }
        }
    }

    @Test
    void aTakenPortIsAClearErrorWithExitCode1() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             LocalProcess process = LocalProcess.launch(List.of("--port", Integer.toString(taken.getLocalPort())))) {
            assertEquals(1, process.exitCode(), process.output());
            String stderr = String.join("\n", process.stderr);
            assertTrue(stderr.contains("port " + taken.getLocalPort() + " on 127.0.0.1 is already in use"), process.output());
            assertTrue(stderr.contains("--port"), "the message says what to do: " + stderr);
        }
    }

    @Test
    void anUnknownOptionIsAUsageErrorWithExitCode2() throws Exception {
        try (LocalProcess process = LocalProcess.launch(List.of("--prot", "3001"))) {
            assertEquals(2, process.exitCode(), process.output());
            assertTrue(String.join("\n", process.stderr).contains("unknown option --prot"), process.output());
        }
    }

    @Test
    void aBadCorsOriginStopsTheStartWithOneEscapedLineAndExitCode2() throws Exception {
        try (LocalProcess process = LocalProcess.launch(List.of("--port", "0", "--cors-allow-origins", "https://app.example.com/\u001b[2J"))) {
            assertEquals(2, process.exitCode(), process.output());
            String first = process.stderr.getFirst();
            assertTrue(first.startsWith("error: --cors-allow-origins: 'https://app.example.com/\\u001b[2J' is not an origin"), first);
            assertTrue(process.output().chars().noneMatch(c -> c == 0x1b), "the escape is never printed raw");
        }
    }

    @Test
    void aBadLogLevelStopsTheStartWithOneLineAndExitCode1() throws Exception {
        try (LocalProcess process = LocalProcess.launch(List.of("--port", "0"), Map.of("LOG_LEVEL", "verbose"))) {
            assertEquals(1, process.exitCode(), process.output());
            assertEquals(List.of("error: setting LOG_LEVEL must be INFO or WARN, was 'verbose'"), process.stderr, process.output());
            assertFalse(process.output().contains("Exception") || process.output().contains("\tat "), process.output());
            assertFalse(process.stdout.stream().anyMatch(line -> line.startsWith("Ctrl-C stops")), "it never said it was ready");
        }
    }

    @Test
    void anUnusableSettingStopsTheStartWithOneLineAndExitCode1() throws Exception {
        // The in-process tests hold the message; this one holds what a shell sees: the exit code, one
        // line naming the setting, no stack trace, the secret never repeated, and no server left.
        try (LocalProcess process = LocalProcess.launch(List.of("--port", "0"), Map.of("PAGE_TOKEN_SECRET", "abcde"))) {
            assertEquals(1, process.exitCode(), process.output());
            List<String> errors = process.stderr.stream().filter(line -> line.startsWith("error:")).toList();
            assertEquals(1, errors.size(), process.output());
            assertTrue(errors.getFirst().contains("PAGE_TOKEN_SECRET"), errors.getFirst());
            assertFalse(process.output().contains("abcde"), "a secret is never repeated: " + process.output());
            assertFalse(process.output().contains("Exception") || process.output().contains("\tat "), process.output());
            assertFalse(process.stdout.stream().anyMatch(line -> line.startsWith("Ctrl-C stops")), "it never said it was ready");
        }
    }
}
