package com.userimages.smoke;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

/** Where the smoke test's access token comes from. */
sealed interface TokenSource {
    String scope = "images/user";

    String token();

    /** Who the token is for, for messages: never the token itself. */
    String describe();

    /** The local server's development issuer ({@code POST /local/token}). */
    record LocalIssuer(URI base, String sub) implements TokenSource {
        @Override
        public String token() {
            String body = "{\"sub\":\"" + sub + "\",\"scope\":\"" + scope + "\"}";
            JsonNode reply = post(URI.create(base + "/local/token"), "application/json", body, Map.of());
            return text(reply, "token", "the development issuer");
        }

        @Override
        public String describe() {
            return "development issuer at " + base + ", sub " + sub;
        }
    }

    /**
     * A Cognito machine client (OAuth 2.0 client credentials at the user pool's token endpoint); the
     * secret comes from the environment, never from the command line, where other users could see it.
     */
    record ClientCredentials(URI tokenUrl, String clientId, String clientSecret, String requestedScope) implements TokenSource {
        @Override
        public String token() {
            String basic = Base64.getEncoder().encodeToString((clientId + ":" + clientSecret).getBytes(StandardCharsets.UTF_8));
            String form = "grant_type=client_credentials&scope=" + URLEncoder.encode(requestedScope, StandardCharsets.UTF_8);
            JsonNode reply = post(tokenUrl, "application/x-www-form-urlencoded", form, Map.of("Authorization", "Basic " + basic));
            return text(reply, "access_token", "the token endpoint");
        }

        @Override
        public String describe() {
            return "client credentials of " + clientId + " at " + tokenUrl;
        }

        @Override
        public String toString() {
            return "ClientCredentials[" + describe() + "]";
        }
    }

    private static JsonNode post(URI uri, String contentType, String body, Map<String, String> headers) {
        try (HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build()) {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
            headers.forEach(request::header);
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new SmokeFailure("no token: " + uri + " answered " + response.statusCode() + " " + ApiClient.abbreviated(response.body()));
            }
            return ApiClient.JSON.readTree(response.body());
        } catch (IOException e) {
            throw new SmokeFailure("no token: " + uri + " did not answer: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SmokeFailure("no token: interrupted");
        }
    }

    private static String text(JsonNode reply, String field, String who) {
        JsonNode value = reply.path(field);
        if (!value.isTextual() || value.asText().isEmpty()) throw new SmokeFailure(who + " answered without " + field);
        return value.asText();
    }
}
