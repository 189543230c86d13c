package com.userimages.local.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
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
 * the same JVM flags the jar's manifest gives. Output is collected line by line while it runs. Shared
 * with the other modules' tests that run against the server (the local test-jar).
 */
public final class LocalProcess implements AutoCloseable {
    /** The banner line that says where the server listens. */
    private static final String LISTENING = "user-images local API on ";

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
        List<String> command = new ArrayList<>();
        if (sigintIgnoredHere()) {
            // This JVM was started with SIGINT ignored (a build run as a shell's background job, or by a
            // tool that starts it so): every process it starts inherits that, and the JVM then keeps Ctrl-C
            // ignored whatever handler the server asks for. A terminal's Ctrl-C reaches a server started
            // in the foreground with the default action, so that is what the child gets.
            command.addAll(List.of("env", "--default-signal=INT"));
        }
        command.addAll(List.of(java, "--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow"));
        if (!args.isEmpty() && args.getFirst().equals("invoke")) {
            // Each invoke is a short-lived JVM; the quick compiler and serial GC cut a third off each run,
            // which adds up over every event of the manifest. The server keeps the JVM's defaults, as users run it.
            command.addAll(List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"));
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), LocalCli.class.getName()));
        command.addAll(args);
        return command;
    }

    /**
     * Linux says which signals this process ignores ({@code SigIgn}, a hex mask with bit n-1 for
     * signal n); elsewhere nothing is known, and nothing is changed.
     */
    static boolean sigintIgnoredHere() {
        try {
            for (String line : java.nio.file.Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("SigIgn:")) return (Long.parseUnsignedLong(line.substring(7).strip(), 16) & 0b10) != 0;
            }
        } catch (IOException | RuntimeException unknown) {
            // Not Linux.
        }
        return false;
    }

    public static LocalProcess launch(List<String> args) throws IOException {
        return launch(args, Map.of());
    }

    /** @param env set in the process's environment, over this JVM's own */
    static LocalProcess launch(List<String> args, Map<String, String> env) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command(args));
        builder.environment().putAll(env);
        long launched = System.nanoTime();
        return new LocalProcess(builder.start(), launched);
    }

    /** @param command the whole command line, run as given (e.g. through a shell that sets up the process first) */
    static LocalProcess launch(List<String> command, boolean asGiven) throws IOException {
        if (!asGiven) return launch(command);
        long launched = System.nanoTime();
        return new LocalProcess(new ProcessBuilder(command).start(), launched);
    }

    /**
     * A platform thread: a virtual one waits for a free carrier, which on a loaded machine with CPU-bound
     * work in this JVM can come after the process has long exited.
     */
    private static Thread collect(BufferedReader reader, List<String> lines) {
        return Thread.ofPlatform().daemon().start(() -> {
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

    /** Waits for the banner's last line, which says whether Ctrl-C stops the server; returns it. */
    public String awaitReady() throws InterruptedException {
        return awaitLine("Ctrl-C ");
    }

    /** The server's base URL, from its banner, once the banner is whole (the server then serves). */
    public URI awaitBaseUrl() throws InterruptedException {
        awaitReady();
        return URI.create(awaitLine(LISTENING).substring(LISTENING.length()).strip());
    }

    /** Ctrl-C, as the terminal sends it. */
    int interrupt() throws Exception {
        Process kill = new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).inheritIO().start();
        kill.waitFor();
        return exitCode();
    }

    /** SIGTERM, as {@code kill PID} sends it: the server stops its engines and exits; returns its exit code. */
    public int terminate() throws Exception {
        new ProcessBuilder("kill", "-TERM", Long.toString(process.pid())).inheritIO().start().waitFor();
        return exitCode();
    }

    int exitCode() throws InterruptedException {
        if (!process.waitFor(60, TimeUnit.SECONDS)) throw new AssertionError("the process did not exit: " + output());
        // The readers end at the end of the streams: then every line the process wrote is here. A reader
        // still running is said so, never taken for a line the process did not write.
        if (!stdoutReader.join(Duration.ofSeconds(30)) || !stderrReader.join(Duration.ofSeconds(30))) {
            throw new AssertionError("the process exited (" + process.exitValue() + ") but its output was not read to the end"
                    + " within 30 s: " + output());
        }
        return process.exitValue();
    }

    public String output() {
        return "stdout:\n" + String.join("\n", stdout) + "\nstderr:\n" + String.join("\n", stderr);
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
