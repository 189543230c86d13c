package com.userimages.local;

import java.io.BufferedReader;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * The CLI in its own JVM, as a user runs it: the test's class path (real handlers, dynalite as its child),
 * the same JVM flags the jar's manifest gives. Output is collected line by line while it runs.
 */
final class LocalProcess implements AutoCloseable {
    private static final Duration STARTUP_LIMIT = Duration.ofSeconds(90);

    final Process process;
    final long launchedNanos;
    final List<String> stdout = new CopyOnWriteArrayList<>();
    final List<String> stderr = new CopyOnWriteArrayList<>();
    private final Thread stdoutReader;
    private final Thread stderrReader;

    private LocalProcess(Process process, long launchedNanos) {
        this.process = process;
        this.launchedNanos = launchedNanos;
        stdoutReader = collect(process.inputReader(StandardCharsets.UTF_8), stdout);
        stderrReader = collect(process.errorReader(StandardCharsets.UTF_8), stderr);
    }

    /** A port free right now on 127.0.0.1, for a process that must be told its port in advance. */
    static int freeLoopbackPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    static List<String> command(List<String> args) {
        String java = ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<String> command = new ArrayList<>(List.of(java, "--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow"));
        if (!args.isEmpty() && args.getFirst().equals("invoke")) {
            // Each invoke is a short-lived JVM; the quick compiler and serial GC cut a third off each run,
            // which adds up over every event of the manifest. The server keeps the JVM's defaults, as users run it.
            command.addAll(List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"));
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), LocalCli.class.getName()));
        command.addAll(args);
        return command;
    }

    static LocalProcess launch(List<String> args) throws IOException {
        return launch(args, Map.of());
    }

    /** @param env set in the process's environment, over this JVM's own */
    static LocalProcess launch(List<String> args, Map<String, String> env) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command(args));
        builder.environment().putAll(env);
        long launched = System.nanoTime();
        return new LocalProcess(builder.start(), launched);
    }

    private static Thread collect(BufferedReader reader, List<String> lines) {
        return Thread.ofVirtual().start(() -> {
            try (reader) {
                for (String line; (line = reader.readLine()) != null; ) lines.add(line);
            } catch (IOException ignored) {
                // the process ended
            }
        });
    }

    /** Waits until the port accepts connections; returns how long after launch that was. */
    Duration awaitPortOpen(int port) throws InterruptedException {
        long deadline = launchedNanos + STARTUP_LIMIT.toNanos();
        while (System.nanoTime() < deadline) {
            try (Socket ignored = new Socket(InetAddress.getLoopbackAddress(), port)) {
                return Duration.ofNanos(System.nanoTime() - launchedNanos);
            } catch (IOException notYet) {
                if (!process.isAlive()) throw new AssertionError("the server exited: " + output());
                Thread.sleep(10);
            }
        }
        throw new AssertionError("port " + port + " not open after " + STARTUP_LIMIT + ": " + output());
    }

    /** Waits for a line on stdout that starts with the prefix. */
    String awaitLine(String prefix) throws InterruptedException {
        long deadline = launchedNanos + STARTUP_LIMIT.toNanos();
        while (System.nanoTime() < deadline) {
            for (String line : stdout) if (line.startsWith(prefix)) return line;
            if (!process.isAlive()) break;
            Thread.sleep(20);
        }
        throw new AssertionError("no line starting with '" + prefix + "': " + output());
    }

    /** Ctrl-C, as the terminal sends it. */
    int interrupt() throws Exception {
        Process kill = new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).inheritIO().start();
        kill.waitFor();
        return exitCode();
    }

    int exitCode() throws InterruptedException {
        if (!process.waitFor(60, TimeUnit.SECONDS)) throw new AssertionError("the process did not exit: " + output());
        // The readers end at the end of the streams: then every line the process wrote is here.
        stdoutReader.join(Duration.ofSeconds(10));
        stderrReader.join(Duration.ofSeconds(10));
        return process.exitValue();
    }

    String output() {
        return "stdout:\n" + String.join("\n", stdout) + "\nstderr:\n" + String.join("\n", stderr);
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
