package com.userimages.engines;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * dynalite, an open-source implementation of the DynamoDB API, on a free loopback port behind a
 * guard that only lets this run's signed, non-browser requests through. In memory, or kept in a
 * LevelDB directory so that a restart finds the data.
 */
public final class Dynalite implements AutoCloseable {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(15);

    private final EngineProcess process;
    private final EngineCredentials credentials;
    private final Path dataDir;

    private Dynalite(EngineProcess process, EngineCredentials credentials, Path dataDir) {
        this.process = process;
        this.credentials = credentials;
        this.dataDir = dataDir;
    }

    /** In memory: the data goes with the process. */
    public static Dynalite inMemory() throws EngineStartException {
        return start(null, System.getenv());
    }

    /** Kept in {@code dataDir} (created if missing); a directory another engine holds is refused. */
    public static Dynalite onDisk(Path dataDir) throws EngineStartException {
        return start(dataDir, System.getenv());
    }

    static Dynalite start(Path dataDir, Map<String, String> env) throws EngineStartException {
        List<String> arguments = new ArrayList<>(List.of("--port", "0"));
        if (dataDir != null) {
            try {
                Files.createDirectories(dataDir);
            } catch (IOException e) {
                throw new EngineStartException("could not create the data directory " + dataDir + ": " + e.getMessage());
            }
            arguments.addAll(List.of("--path", dataDir.toAbsolutePath().toString()));
        }
        EngineCredentials credentials = EngineCredentials.random();
        EngineProcess process = EngineProcess.start("dynalite", "dynalite.js", arguments, credentials, env, START_TIMEOUT);
        Dynalite engine = new Dynalite(process, credentials, dataDir);
        try {
            engine.awaitReady();
        } catch (EngineStartException e) {
            process.close();
            throw e;
        }
        return engine;
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + process.port());
    }

    /** The key pair its guard lets through: hand it to every client of this engine. */
    public EngineCredentials credentials() {
        return credentials;
    }

    public Optional<Path> dataDir() {
        return Optional.ofNullable(dataDir);
    }

    public boolean alive() {
        return process.alive();
    }

    /** The Node process's id, for tests that check nothing is left behind. */
    public long pid() {
        return process.pid();
    }

    /** Human-readable, for a start-up banner. */
    public String description() {
        return dataDir == null ? "dynalite, in memory" : "dynalite, data in " + dataDir;
    }

    @Override
    public void close() {
        process.close();
    }

    /**
     * A real, signed request: the engine's own banner comes before LevelDB is open, so only an answer
     * shows it can serve (a directory another engine holds makes it exit on the first request).
     */
    private void awaitReady() throws EngineStartException {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        String lastProblem = "no answer";
        while (System.nanoTime() < deadline) {
            if (!process.alive()) break;
            try {
                int status = listTables();
                if (status == 200) return;
                lastProblem = "it answered " + status;
            } catch (IOException e) {
                lastProblem = e.getMessage();
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        if (dataDir != null && !process.alive()) {
            throw new EngineStartException("the data directory " + dataDir
                    + " is in use by another server, or is not a dynalite directory (" + process.failure() + ")");
        }
        throw new EngineStartException(process.alive() ? "dynalite did not become ready: " + lastProblem : process.failure());
    }

    private int listTables() throws IOException {
        HttpURLConnection connection = (HttpURLConnection) endpoint().toURL().openConnection();
        try {
            connection.setConnectTimeout(2_000);
            connection.setReadTimeout(5_000);
            connection.setRequestMethod("POST");
            connection.setDoOutput(true);
            String date = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC).format(Instant.now());
            connection.setRequestProperty("X-Amz-Target", "DynamoDB_20120810.ListTables");
            connection.setRequestProperty("Content-Type", "application/x-amz-json-1.0");
            connection.setRequestProperty("X-Amz-Date", date);
            // dynalite checks the header's shape, not the signature; the guard checks the key id.
            connection.setRequestProperty("Authorization", "AWS4-HMAC-SHA256 Credential=" + credentials.accessKeyId() + "/"
                    + date.substring(0, 8) + "/us-east-1/dynamodb/aws4_request, SignedHeaders=host;x-amz-date, Signature=0");
            try (OutputStream out = connection.getOutputStream()) {
                out.write("{}".getBytes(StandardCharsets.UTF_8));
            }
            int status = connection.getResponseCode();
            try (InputStream body = status < 400 ? connection.getInputStream() : connection.getErrorStream()) {
                if (body != null) body.readAllBytes();
            }
            return status;
        } finally {
            connection.disconnect();
        }
    }
}
