package com.userimages.local.cli;

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
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engine as the server's child: it goes with the server however the server ends, and one data directory has one server. */
class EngineLifecycleIT {

    @Test
    void aServerKilledWithSigkillLeavesNoEngineBehind() throws Exception {
        try (LocalProcess server = LocalProcess.launch(List.of("--port", "0"))) {
            server.awaitLine("Ctrl-C stops the server.");
            ProcessHandle engine = engineOf(server).orElseThrow(() -> new AssertionError("no node child: " + server.output()));
            assertTrue(engine.isAlive());

            server.process.destroyForcibly();
            assertTrue(server.process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS), "the JVM did not die");
            assertTrue(awaitExit(engine, Duration.ofSeconds(30)),
                    "dynalite (pid " + engine.pid() + ") outlived the server killed with SIGKILL");
        }
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
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        Set<Long> left = nodeDescendants(ProcessHandle.current());
        while (!before.containsAll(left) && System.nanoTime() < deadline) {
            Thread.sleep(50);
            left = nodeDescendants(ProcessHandle.current());
        }
        left.removeAll(before);
        assertEquals(Set.of(), left, "engines started for the failed start are still running");
    }

    private static Set<Long> nodeDescendants(ProcessHandle parent) {
        return parent.descendants()
                .filter(p -> p.info().command().map(c -> c.endsWith("/node") || c.endsWith("node")).orElse(false))
                .map(ProcessHandle::pid)
                .collect(Collectors.toCollection(HashSet::new));
    }

    private static Optional<ProcessHandle> engineOf(LocalProcess server) {
        return server.process.toHandle().descendants()
                .filter(p -> p.info().command().map(c -> c.endsWith("/node") || c.endsWith("node")).orElse(false))
                .findFirst();
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
