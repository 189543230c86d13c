package com.userimages.engines;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * dynalite, an open-source implementation of the DynamoDB API, on a free loopback port behind a
 * guard that only lets this run's signed, non-browser requests through. In memory, or kept in a
 * LevelDB directory so that a restart finds the data.
 */
public final class Dynalite extends ChildProcessEngine {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(15);

    private final Path dataDir;

    private Dynalite(EngineProcess process, EngineCredentials credentials, Path dataDir) {
        super(process, credentials);
        this.dataDir = dataDir;
    }

    /** In memory: the data goes with the process. */
    public static Dynalite inMemory() throws EngineStartException {
        return inMemory(EngineCredentials.random());
    }

    /** In memory, letting through the given key: a run that starts several engines signs for all with one. */
    public static Dynalite inMemory(EngineCredentials credentials) throws EngineStartException {
        return start(null, credentials, System.getenv());
    }

    /** Kept in {@code dataDir} (created if missing); a directory another engine holds is refused. */
    public static Dynalite onDisk(Path dataDir) throws EngineStartException {
        return onDisk(dataDir, EngineCredentials.random());
    }

    /** Kept in {@code dataDir}, letting through the given key. */
    public static Dynalite onDisk(Path dataDir, EngineCredentials credentials) throws EngineStartException {
        return start(dataDir, credentials, System.getenv());
    }

    static Dynalite start(Path dataDir, Map<String, String> env) throws EngineStartException {
        return start(dataDir, EngineCredentials.random(), env);
    }

    static Dynalite start(Path dataDir, EngineCredentials credentials, Map<String, String> env) throws EngineStartException {
        Objects.requireNonNull(credentials, "credentials");
        List<String> arguments = new ArrayList<>(List.of("--port", "0"));
        if (dataDir != null) {
            try {
                Files.createDirectories(dataDir);
            } catch (IOException e) {
                throw new EngineStartException("could not create the data directory " + dataDir + ": " + e.getMessage());
            }
            arguments.addAll(List.of("--path", dataDir.toAbsolutePath().toString()));
        }
        EngineProcess process = EngineProcess.start("dynalite", "dynalite.js", arguments, credentials, env, START_TIMEOUT);
        return ready(new Dynalite(process, credentials, dataDir));
    }

    public Optional<Path> dataDir() {
        return Optional.ofNullable(dataDir);
    }

    /** Human-readable, for a start-up banner. */
    @Override
    public String description() {
        return dataDir == null ? "dynalite, in memory" : "dynalite, data in " + dataDir;
    }

    /**
     * A signed ListTables: the engine's own banner comes before LevelDB is open, so only an answer
     * shows it can serve (a directory another engine holds makes it exit on the first request).
     */
    @Override
    void awaitReady() throws EngineStartException {
        Optional<String> problem = EngineProbe.awaitOk(process, () -> EngineProbe.send(endpoint(), "POST", credentials(), "dynamodb",
                Map.of("X-Amz-Target", "DynamoDB_20120810.ListTables", "Content-Type", "application/x-amz-json-1.0"),
                "{}".getBytes(StandardCharsets.UTF_8)), READY_TIMEOUT);
        if (problem.isEmpty()) return;
        if (dataDir != null && !process.alive()) {
            throw new EngineStartException("the data directory " + dataDir
                    + " is in use by another server, or is not a dynalite directory (" + process.failure() + ")");
        }
        throw new EngineStartException(process.alive() ? "dynalite did not become ready: " + problem.get() : process.failure());
    }
}
