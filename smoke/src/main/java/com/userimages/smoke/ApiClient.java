package com.userimages.smoke;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The API over HTTP, as any client sees it: a method, a path, a token, a body; the status, headers and body back. */
final class ApiClient implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final URI base;
    private final HttpClient http;

    ApiClient(URI base) {
        this.base = base;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    URI base() {
        return base;
    }

    /** One reply: what the checks read. */
    record Reply(int status, HttpResponse<String> response) {
        Optional<String> header(String name) {
            return response.headers().firstValue(name);
        }

        String body() {
            return response.body();
        }

        JsonNode json() {
            try {
                return JSON.readTree(response.body());
            } catch (IOException e) {
                throw new SmokeFailure("the body is not JSON: " + abbreviated(response.body()));
            }
        }

        @Override
        public String toString() {
            return status + " " + abbreviated(response.body());
        }
    }

    Reply send(String method, String path, String token, String body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(TIMEOUT)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (token != null) request.header("Authorization", "Bearer " + token);
        if (body != null) request.header("Content-Type", "application/json");
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Reply(response.statusCode(), response);
        } catch (IOException e) {
            throw new SmokeFailure(method + " " + path + " did not get an answer from " + base + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SmokeFailure(method + " " + path + " was interrupted");
        }
    }

    /**
     * A request to a presigned URL (the bucket, not the API): the URL is its own credential, so it is
     * never printed; the body is read as ISO-8859-1, one char a byte, so bytes can be compared.
     */
    Reply sendTo(String method, URI presigned, byte[] body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(presigned).timeout(TIMEOUT)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.ISO_8859_1));
            return new Reply(response.statusCode(), response);
        } catch (IOException e) {
            throw new SmokeFailure(method + " of a presigned URL got no answer: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SmokeFailure(method + " of a presigned URL was interrupted");
        }
    }

    Reply send(String method, String path, String token) {
        return send(method, path, token, null, Map.of());
    }

    static Map<String, String> headers(String... pairs) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) headers.put(pairs[i], pairs[i + 1]);
        return headers;
    }

    /** Bounded and without control characters: a reply's body reaches a console only like this. */
    static String abbreviated(String text) {
        if (text == null) return "";
        String flat = text.codePoints().limit(300)
                .collect(StringBuilder::new, (b, c) -> b.appendCodePoint(Character.isISOControl(c) ? '?' : c), StringBuilder::append)
                .toString();
        return text.length() > 300 ? flat + "…" : flat;
    }

    @Override
    public void close() {
        http.close();
    }
}
