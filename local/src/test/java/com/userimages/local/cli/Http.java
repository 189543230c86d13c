package com.userimages.local.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.userimages.contract.openapi.OpenApiContract;
import com.userimages.local.gateway.RouteMatcher;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/** Real HTTP against a running server; every call is bounded so a hang fails the test instead of stalling it. */
final class Http {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    /** Servers with the real handlers behind them: their replies on API routes must conform to openapi.yaml. */
    private static final Set<String> CONFORMING = ConcurrentHashMap.newKeySet();
    private static final RouteMatcher ROUTES = RouteMatcher.forApi();

    private static final class Contract {
        static final OpenApiContract OPENAPI = OpenApiContract.load();
    }

    record Reply(int status, java.net.http.HttpHeaders headers, byte[] bytes) {
        String body() { return new String(bytes, StandardCharsets.UTF_8); }

        JsonNode json() {
            try {
                return JSON.readTree(bytes);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body(), e);
            }
        }

        String header(String name) { return headers.firstValue(name).orElse(null); }
    }

    private Http() {}

    static void holdToTheContract(URI base) {
        CONFORMING.add(origin(base));
    }

    static Reply get(URI base, String path, String token) {
        return send(base, "GET", path, token, null, null);
    }

    static Reply post(URI base, String path, String token, String json) {
        return send(base, "POST", path, token, "application/json", json == null ? null : json.getBytes(StandardCharsets.UTF_8));
    }

    /** @param token sent as "Bearer token"; null sends no Authorization header */
    static Reply send(URI base, String method, String path, String token, String contentType, byte[] body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (token != null) b.header("Authorization", "Bearer " + token);
        if (contentType != null) b.header("Content-Type", contentType);
        return send(b.build());
    }

    static Reply send(HttpRequest request) {
        try {
            HttpResponse<byte[]> r = CLIENT.send(request, HttpResponse.BodyHandlers.ofByteArray());
            Reply reply = new Reply(r.statusCode(), r.headers(), r.body());
            checkAgainstTheContract(request, reply);
            return reply;
        } catch (IOException e) {
            throw new AssertionError(request.method() + " " + request.uri() + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** A reply on one of the API's routes, from a server with the real handlers, is what openapi.yaml documents. */
    private static void checkAgainstTheContract(HttpRequest request, Reply reply) {
        if (!CONFORMING.contains(origin(request.uri()))) return;
        String rawPath = request.uri().getRawPath();
        RouteMatcher.Match match = rawPath == null ? null : ROUTES.match(request.method(), rawPath);
        if (match == null) return;
        Map<String, String> headers = new TreeMap<>();
        reply.headers().map().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), String.join(",", values)));
        List<String> problems = Contract.OPENAPI.problems(match.route().method(), match.route().pathTemplate(),
                reply.status(), headers, reply.bytes().length == 0 ? null : reply.body());
        if (!problems.isEmpty()) {
            throw new AssertionError(request.method() + " " + rawPath + " -> " + reply.status()
                    + " does not conform to openapi.yaml: " + problems + "\n" + reply.body());
        }
    }

    private static String origin(URI uri) {
        return uri.getScheme() + "://" + uri.getHost() + ":" + uri.getPort();
    }
}
