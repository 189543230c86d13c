package com.userimages.core.pagination;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.userimages.core.error.ApiException;
import com.userimages.core.http.Json;
import com.userimages.core.model.IndexKey;
import com.userimages.core.model.ListSelection;
import com.userimages.core.model.SortOrder;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * Reading both stages through the real SDK client, against a stand-in for Secrets Manager's JSON
 * protocol (no AWS account here): the stages asked for, a missing AWSPREVIOUS, and that the keys read
 * behave as the plain settings would.
 */
class PageTokenSecretsManagerTest {
    private static final String ARN = "arn:aws:secretsmanager:us-east-1:123456789012:secret:page-token-AbCdEf";

    private final List<String> stagesAsked = new CopyOnWriteArrayList<>();
    private HttpServer server;

    @AfterEach
    void stop() {
        if (server != null) server.stop(0);
    }

    @Test
    void readsCurrentAndPreviousStages() throws IOException {
        SecretsManagerClient client = fakeSecretsManager(Map.of("AWSCURRENT", "current-secret-0123456789abcdef",
                "AWSPREVIOUS", "previous-secret-0123456789abcdef"));
        PageTokenSecrets secrets = PageTokenSecrets.read(client, ARN);
        assertEquals(List.of("AWSCURRENT", "AWSPREVIOUS"), stagesAsked);

        ListSelection query = new ListSelection(SortOrder.DESC, null, null, 0);
        IndexKey key = new IndexKey(UUID.randomUUID().toString(), "2026-01-01T00:00:00Z");
        PageTokenCodec fromSecretsManager = new PageTokenCodec(secrets);
        String signedWithPrevious = new PageTokenCodec(PageTokenSecrets.of("previous-secret-0123456789abcdef", null))
                .encode("alice", query, key);
        assertEquals(key, fromSecretsManager.decode(signedWithPrevious, "alice", query));
        String signedNow = fromSecretsManager.encode("alice", query, key);
        assertEquals(key, new PageTokenCodec(PageTokenSecrets.of("current-secret-0123456789abcdef", null))
                .decode(signedNow, "alice", query));
    }

    @Test
    void aSecretNeverRotatedHasNoPreviousStage() throws IOException {
        SecretsManagerClient client = fakeSecretsManager(Map.of("AWSCURRENT", "current-secret-0123456789abcdef"));
        PageTokenSecrets secrets = PageTokenSecrets.read(client, ARN);
        assertEquals(List.of("AWSCURRENT", "AWSPREVIOUS"), stagesAsked);
        ListSelection query = new ListSelection(SortOrder.DESC, null, null, 0);
        IndexKey key = new IndexKey(UUID.randomUUID().toString(), "2026-01-01T00:00:00Z");
        String foreign = new PageTokenCodec(PageTokenSecrets.of("some-other-secret-0123456789", null)).encode("alice", query, key);
        assertThrows(ApiException.class, () -> new PageTokenCodec(secrets).decode(foreign, "alice", query));
    }

    @Test
    void noCurrentValueFailsTheInit() throws IOException {
        SecretsManagerClient client = fakeSecretsManager(Map.of());
        assertThrows(IllegalStateException.class, () -> PageTokenSecrets.read(client, ARN));
    }

    /** Answers GetSecretValue for the given stages of {@link #ARN}, ResourceNotFoundException for anything else. */
    private SecretsManagerClient fakeSecretsManager(Map<String, String> valuesByStage) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            JsonNode request = Json.MAPPER.readTree(exchange.getRequestBody());
            String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
            String stage = request.path("VersionStage").asText();
            stagesAsked.add(stage);
            String value = valuesByStage.get(stage);
            if ("secretsmanager.GetSecretValue".equals(target) && ARN.equals(request.path("SecretId").asText()) && value != null) {
                respond(exchange, 200, Json.object().put("ARN", ARN).put("Name", "page-token")
                        .put("VersionId", UUID.randomUUID().toString()).put("SecretString", value)
                        .set("VersionStages", Json.MAPPER.createArrayNode().add(stage)));
            } else {
                respond(exchange, 400, Json.object().put("__type", "ResourceNotFoundException")
                        .put("message", "Secrets Manager can't find the specified secret value for staging label: " + stage));
            }
        });
        server.start();
        return SecretsManagerClient.builder()
                .region(Region.US_EAST_1)
                .endpointOverride(URI.create("http://127.0.0.1:" + server.getAddress().getPort()))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    private static void respond(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] bytes = Json.write(body).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.1");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
