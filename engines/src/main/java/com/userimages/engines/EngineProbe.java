package com.userimages.engines;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Optional;

/**
 * Readiness by a real request, not an engine's banner: a banner can come before the engine can
 * serve (dynalite's before LevelDB is open), and only an answer shows that the guard, the engine
 * and its store all work. The request carries the SigV4 shape with this run's key id; the engines
 * check the shape, the date and the key id, never the signature, so it is not signed.
 */
final class EngineProbe {
    private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    /** One request that should answer 200. */
    @FunctionalInterface
    interface Request {
        int status() throws IOException;
    }

    private EngineProbe() {}

    /** Repeats the request until it answers 200 (empty), or says what it last saw when the engine exits or the time is up. */
    static Optional<String> awaitOk(EngineProcess process, Request request, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        String lastProblem = "no answer";
        while (System.nanoTime() < deadline && process.alive()) {
            try {
                int status = request.status();
                if (status == 200) return Optional.empty();
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
        return Optional.of(lastProblem);
    }

    /**
     * @param service the SigV4 service name ({@code dynamodb}, {@code s3})
     * @param body    null for none
     */
    static int send(URI uri, String method, EngineCredentials credentials, String service, Map<String, String> headers, byte[] body)
            throws IOException {
        HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection();
        try {
            connection.setConnectTimeout(2_000);
            connection.setReadTimeout(5_000);
            connection.setRequestMethod(method);
            String date = AMZ_DATE.format(Instant.now());
            headers.forEach(connection::setRequestProperty);
            connection.setRequestProperty("X-Amz-Date", date);
            connection.setRequestProperty("Authorization", "AWS4-HMAC-SHA256 Credential=" + credentials.accessKeyId() + "/"
                    + date.substring(0, 8) + "/us-east-1/" + service + "/aws4_request, SignedHeaders=host;x-amz-date, Signature=0");
            if (body != null) {
                connection.setDoOutput(true);
                try (OutputStream out = connection.getOutputStream()) {
                    out.write(body);
                }
            }
            int status = connection.getResponseCode();
            try (InputStream answer = status < 400 ? connection.getInputStream() : connection.getErrorStream()) {
                if (answer != null) answer.readAllBytes();
            }
            return status;
        } finally {
            connection.disconnect();
        }
    }
}
