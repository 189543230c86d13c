package com.userimages.local.cli;

import com.userimages.engines.EngineCredentials;
import com.userimages.engines.S3rver;
import com.userimages.local.engine.StartupException;
import com.userimages.local.runtime.HandlerRegistry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engines as the server's children: they go with the server however it ends, and one data directory has one server. */
class EngineLifecycleIT {

    @Test
    void aServerKilledWithSigkillLeavesNoEngineBehind() throws Exception {
        try (LocalProcess server = LocalProcess.launch(List.of("--port", "0"))) {
            server.awaitLine("Ctrl-C stops the server.");
            assertTrue(server.stdout.stream().anyMatch(l -> l.startsWith("  DynamoDB: dynalite, in memory")), server.output());
            assertTrue(server.stdout.contains("  S3:       s3rver, bucket user-images-local, in a temporary directory"), server.output());
            List<ProcessHandle> engines = enginesOf(server);
            assertEquals(2, engines.size(), "dynalite and s3rver: " + engines + "\n" + server.output());

            server.process.destroyForcibly();
            assertTrue(server.process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS), "the JVM did not die");
            for (ProcessHandle engine : engines) {
                assertTrue(awaitExit(engine, Duration.ofSeconds(30)),
                        "engine pid " + engine.pid() + " (" + engine.info().commandLine().orElse("?") + ") outlived the server killed with SIGKILL");
            }
        }
    }

    @Test
    void ctrlCStopsBothEngines() throws Exception {
        try (LocalProcess server = LocalProcess.launch(List.of("--port", "0"))) {
            server.awaitLine("Ctrl-C ");
            List<ProcessHandle> engines = enginesOf(server);
            assertEquals(2, engines.size(), "dynalite and s3rver: " + server.output());
            assertEquals(0, server.interrupt(), server.output());
            for (ProcessHandle engine : engines) {
                assertTrue(awaitExit(engine, Duration.ofSeconds(30)), "engine pid " + engine.pid() + " outlived the stopped server");
            }
        }
    }

    /** The test's own s3rver as the existing S3: its key is handed over as AWS's variables, and the started dynalite takes it too. */
    @Test
    void anS3EndpointMeansNoS3rverOfTheServersOwn() throws Exception {
        EngineCredentials key = EngineCredentials.random();
        try (S3rver external = S3rver.temporary("external-bucket", List.of(), key);
             LocalProcess server = LocalProcess.launch(List.of("--port", "0", "--s3-endpoint", external.endpoint().toString(),
                     "--images-bucket", "external-bucket"), Map.of("AWS_ACCESS_KEY_ID", key.accessKeyId(),
                     "AWS_SECRET_ACCESS_KEY", key.secretAccessKey()))) {
            server.awaitLine("Ctrl-C stops the server.");
            assertTrue(server.stdout.contains("  S3:       S3 at " + external.endpoint() + ", bucket external-bucket"), server.output());
            assertTrue(server.stdout.stream().anyMatch(l -> l.startsWith("  DynamoDB: dynalite, in memory; table ")), server.output());
            List<ProcessHandle> engines = enginesOf(server);
            assertEquals(1, engines.size(), "dynalite alone: " + engines + "\n" + server.output());
            assertTrue(engines.getFirst().info().commandLine().orElse("dynalite.js").contains("dynalite.js"), engines.toString());
            assertTrue(external.alive());
            assertEquals(0, server.interrupt(), server.output());
        }
    }

    @Test
    void aFailedStartOfS3rverStopsDynalite(@TempDir Path db) throws Exception {
        // s3rver's folder under --db-path cannot be made when a file has its name: dynalite's start succeeds, s3rver's fails.
        Files.writeString(db.resolve("s3"), "not a folder");
        Set<Long> before = nodeDescendants(ProcessHandle.current());
        ServerOptions options = ServerOptions.parse(List.of("--port", "0", "--db-path", db.toString()), Map.of());
        StartupException refused = assertThrows(StartupException.class,
                () -> LocalApiServer.start(options, HandlerRegistry.DEPLOYED, Map.of(), new PrintStream(
                        OutputStream.nullOutputStream()), Clock.systemUTC()));
        assertTrue(refused.getMessage().startsWith("could not create the data directory " + db.resolve("s3")), refused.getMessage());
        assertEquals(Set.of(), awaitGone(before), "dynalite, started for the failed start, is still running");
    }

    @Test
    void aSecondServerOnADbPathInUseGetsOneLineAndExit1(@TempDir Path db) throws Exception {
        try (LocalProcess first = LocalProcess.launch(List.of("--port", "0", "--db-path", db.toString()))) {
            first.awaitLine("Ctrl-C stops the server.");
            try (LocalProcess second = LocalProcess.launch(List.of("--port", "0", "--db-path", db.toString()))) {
                assertEquals(1, second.exitCode(), second.output());
                assertEquals(List.of("error: --db-path " + db + " is in use by another server: stop it, or give another --db-path"),
                        second.stderr.stream().filter(l -> !l.isBlank()).toList(), second.output());
                assertFalse(second.stdout.stream().anyMatch(l -> l.startsWith("Ready")), second.output());
            }
            assertTrue(first.process.isAlive(), "the first server keeps running: " + first.output());
            assertEquals(0, first.interrupt(), first.output());
        }
    }

    @Test
    void withoutNodeOnPathTheServerSaysSoInOneLine() throws Exception {
        try (LocalProcess server = LocalProcess.launch(List.of("--port", "0"), Map.of("PATH", "/nonexistent"))) {
            assertEquals(1, server.exitCode(), server.output());
            assertEquals(List.of("error: node was not found on PATH: the local engines need Node.js 20 or newer"),
                    server.stderr.stream().filter(l -> !l.isBlank()).toList(), server.output());
        }
    }

    @Test
    void aStartThatFailsAfterTheEngineStartedStopsTheEngine() throws Exception {
        Set<Long> before = nodeDescendants(ProcessHandle.current());
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            ServerOptions options = ServerOptions.parse(List.of("--port", Integer.toString(taken.getLocalPort())), Map.of());
            StartupException refused = assertThrows(StartupException.class,
                    () -> LocalApiServer.start(options, HandlerRegistry.DEPLOYED, Map.of(), new PrintStream(
                            OutputStream.nullOutputStream()), Clock.systemUTC()));
            assertTrue(refused.getMessage().contains("already in use"), refused.getMessage());
        }
        assertEquals(Set.of(), awaitGone(before), "engines started for the failed start are still running");
    }

    /** The node processes of this JVM that were not there before, once they are gone or the time is up. */
    private static Set<Long> awaitGone(Set<Long> before) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        Set<Long> left = nodeDescendants(ProcessHandle.current());
        while (!before.containsAll(left) && System.nanoTime() < deadline) {
            Thread.sleep(50);
            left = nodeDescendants(ProcessHandle.current());
        }
        left.removeAll(before);
        return left;
    }

    private static Set<Long> nodeDescendants(ProcessHandle parent) {
        return parent.descendants()
                .filter(p -> p.info().command().map(c -> c.endsWith("/node") || c.endsWith("node")).orElse(false))
                .map(ProcessHandle::pid)
                .collect(Collectors.toCollection(HashSet::new));
    }

    private static List<ProcessHandle> enginesOf(LocalProcess server) {
        return server.process.toHandle().descendants()
                .filter(p -> p.info().command().map(c -> c.endsWith("/node") || c.endsWith("node")).orElse(false))
                .toList();
    }

    private static boolean awaitExit(ProcessHandle process, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) return true;
            Thread.sleep(50);
        }
        return !process.isAlive();
    }
}
