package com.userimages.engines;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One engine's Node wrapper as a child process. Its stdin is a pipe held open for the process's life:
 * the wrapper exits when it closes, which the OS does when this JVM ends in any way, SIGKILL included.
 * Its stdout carries one line, the port it listens on; its stderr is kept (the last lines) for error
 * messages and never copied to this JVM's stdout.
 */
final class EngineProcess implements AutoCloseable {
    /** The wrappers' exit code for a Node.js older than the engines need. */
    static final int NODE_TOO_OLD = 3;
    private static final Pattern PORT_LINE = Pattern.compile("\\{\"port\":(\\d{1,5})}");
    private static final int KEPT_LINES = 20;

    private final String name;
    private final Process process;
    private final OutputStream stdin;
    private final Deque<String> stderr;
    private final Thread stderrReader;
    private final int port;

    private EngineProcess(String name, Process process, Deque<String> stderr, Thread stderrReader, int port) {
        this.name = name;
        this.process = process;
        this.stdin = process.getOutputStream();
        this.stderr = stderr;
        this.stderrReader = stderrReader;
        this.port = port;
    }

    /**
     * @param name   what the engine is called in messages
     * @param script the wrapper under the engines' {@code js/}
     */
    static EngineProcess start(String name, String script, List<String> arguments, EngineCredentials credentials,
                               Map<String, String> env, Duration timeout) throws EngineStartException {
        Path home = EngineHome.locate(env);
        List<String> command = new ArrayList<>();
        command.add(node(env));
        command.add(home.resolve("js").resolve(script).toString());
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile());
        builder.environment().clear();
        builder.environment().putAll(env);
        builder.environment().put("ENGINE_ACCESS_KEY_ID", credentials.accessKeyId());
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new EngineStartException("could not run " + command.getFirst() + ": " + e.getMessage());
        }
        Deque<String> stderr = new ArrayDeque<>();
        Thread stderrReader = drain(process.getErrorStream(), stderr, name + "-stderr");
        CompletableFuture<Integer> port = new CompletableFuture<>();
        Thread stdout = new Thread(() -> readPort(process.getInputStream(), port), name + "-stdout");
        stdout.setDaemon(true);
        stdout.start();
        try {
            int listening = port.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return new EngineProcess(name, process, stderr, stderrReader, listening);
        } catch (TimeoutException | ExecutionException e) {
            String why = failure(name, process, stderr, stderrReader);
            stop(process);
            throw new EngineStartException(why);
        } catch (InterruptedException e) {
            stop(process);
            Thread.currentThread().interrupt();
            throw new EngineStartException(name + " did not start: interrupted");
        }
    }

    /** {@code node} from the given environment's PATH, so that what runs is what that PATH names. */
    static String node(Map<String, String> env) throws EngineStartException {
        String path = env.getOrDefault("PATH", "");
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) continue;
            for (String name : List.of("node", "node.exe")) {
                Path candidate = Path.of(dir).resolve(name);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return candidate.toString();
                }
            }
        }
        throw new EngineStartException("node was not found on PATH: the local engines need Node.js 20 or newer");
    }

    int port() {
        return port;
    }

    /** Where it listens: only the loopback address, whose name the guards accept with this port. */
    URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    boolean alive() {
        return process.isAlive();
    }

    long pid() {
        return process.pid();
    }

    /** Why the engine is not serving, for a message: its exit and its last stderr line. */
    String failure() {
        return failure(name, process, stderr, stderrReader);
    }

    @Override
    public void close() {
        try {
            stdin.close();
        } catch (IOException ignored) {
            // Closing the pipe is the signal; a pipe already broken means the engine is gone.
        }
        try {
            if (process.waitFor(5, TimeUnit.SECONDS)) return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        stop(process);
    }

    private static void stop(Process process) {
        process.destroy();
        try {
            if (!process.waitFor(2, TimeUnit.SECONDS)) process.destroyForcibly().waitFor(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static String failure(String name, Process process, Deque<String> stderr, Thread stderrReader) {
        boolean exited = waitBriefly(process);
        // After an exit its last words may still be in the pipe: read to the end before quoting them.
        if (exited) awaitBriefly(stderrReader);
        String last;
        synchronized (stderr) {
            last = stderr.isEmpty() ? "" : stderr.peekLast();
        }
        if (exited && process.exitValue() == NODE_TOO_OLD && last.startsWith("engine: ")) {
            return last.substring("engine: ".length());
        }
        String reason = last.startsWith("engine: ") ? last.substring("engine: ".length()) : last;
        return name + (exited ? " exited (code " + process.exitValue() + ")" : " did not answer")
                + (reason.isEmpty() ? "" : ": " + reason);
    }

    private static boolean waitBriefly(Process process) {
        try {
            return process.waitFor(500, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }

    private static void awaitBriefly(Thread thread) {
        try {
            thread.join(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void readPort(InputStream in, CompletableFuture<Integer> port) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                Matcher matcher = PORT_LINE.matcher(line.strip());
                if (!port.isDone() && matcher.matches()) port.complete(Integer.parseInt(matcher.group(1)));
            }
        } catch (IOException ignored) {
            // The stream ends with the process; the future below says it never listened.
        }
        port.completeExceptionally(new IOException("no port line"));
    }

    private static Thread drain(InputStream in, Deque<String> kept, String threadName) {
        Thread thread = new Thread(() -> {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    synchronized (kept) {
                        if (kept.size() == KEPT_LINES) kept.removeFirst();
                        kept.addLast(printable(line));
                    }
                }
            } catch (IOException ignored) {
                // The stream ends with the process.
            }
        }, threadName);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    /** An engine's text reaches a console only without control characters and bounded in length. */
    static String printable(String line) {
        StringBuilder out = new StringBuilder();
        line.codePoints().limit(300).forEach(c -> {
            if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT) out.append('?');
            else out.appendCodePoint(c);
        });
        return out.toString();
    }
}
