package com.userimages.local.cli;

import com.userimages.contract.Setting;
import com.userimages.contract.Settings;
import com.userimages.engines.EngineCredentials;
import com.userimages.local.runtime.HandlerRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.S3Exception;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * s3rver beside dynalite in the server: one run key for both, the functions told its endpoint and
 * bucket, the bucket open to the server's own origins, and with --db-path its objects kept across a restart.
 */
class S3EngineServerIT {
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    @Test
    void theFunctionsGetTheStartedS3rverAndOneRunKeyForBothEngines() throws Exception {
        AtomicReference<Settings> seen = new AtomicReference<>();
        HandlerRegistry.Factory capturing = (function, components) -> {
            seen.set(components.settings());
            return HandlerRegistry.DEPLOYED.create(function, components);
        };
        try (InProcessServer local = InProcessServer.start(capturing, "--cors-allow-origins", "http://localhost:5173")) {
            LocalApiServer server = local.server;
            assertEquals("user-images-local", server.imagesBucket());
            assertEquals(server.s3Endpoint().toString(), seen.get().value(Setting.S3_ENDPOINT));
            assertEquals("user-images-local", seen.get().value(Setting.IMAGES_BUCKET));
            assertEquals(server.dynamoDbEndpoint().toString(), seen.get().value(Setting.DYNAMODB_ENDPOINT));
            assertNotEquals(server.dynamoDbEndpoint(), server.s3Endpoint());
            assertEquals(List.of("http://127.0.0.1:" + server.port(), "http://localhost:" + server.port(), "http://localhost:5173"),
                    server.s3Origins(), "the server's own origins and those its CORS answers");

            String banner = LocalCli.banner(server, null);
            assertTrue(banner.contains("\n  DynamoDB: dynalite, in memory; "), banner);
            assertTrue(banner.contains("\n  S3:       s3rver, bucket user-images-local, in a temporary directory\n"), banner);

            EngineCredentials runKey = server.engineCredentials().orElseThrow();
            try (S3Client s3 = client(server.s3Endpoint(), runKey)) {
                s3.putObject(p -> p.bucket("user-images-local").key("images/one"), RequestBody.fromBytes(PNG));
                assertEquals(PNG.length, s3.headObject(h -> h.bucket("user-images-local").key("images/one")).contentLength());
            }
            try (S3Client stranger = client(server.s3Endpoint(), EngineCredentials.random())) {
                S3Exception refused = assertThrows(S3Exception.class, () -> stranger.headBucket(h -> h.bucket("user-images-local")));
                assertEquals(403, refused.statusCode(), "only the run key passes s3rver's guard");
            }
        }
    }

    @Test
    void withADbPathAnObjectOutlivesARestartAndSitsBesideDynalitesFolder(@TempDir Path db) throws Exception {
        try (InProcessServer first = InProcessServer.startWithRealHandlers("--db-path", db.toString())) {
            assertTrue(LocalCli.banner(first.server, null).contains("\n  S3:       s3rver, bucket user-images-local, data in " + db.resolve("s3") + "\n"),
                    LocalCli.banner(first.server, null));
            try (S3Client s3 = client(first.server.s3Endpoint(), first.server.engineCredentials().orElseThrow())) {
                s3.putObject(p -> p.bucket("user-images-local").key("images/kept").contentType("image/png"), RequestBody.fromBytes(PNG));
            }
        }
        assertTrue(Files.isDirectory(db.resolve("s3")) && Files.isDirectory(db.resolve("dynalite")), "one folder per engine");

        try (InProcessServer second = InProcessServer.startWithRealHandlers("--db-path", db.toString());
             S3Client s3 = client(second.server.s3Endpoint(), second.server.engineCredentials().orElseThrow())) {
            var kept = s3.getObjectAsBytes(g -> g.bucket("user-images-local").key("images/kept"));
            assertEquals(new String(PNG, StandardCharsets.ISO_8859_1), new String(kept.asByteArray(), StandardCharsets.ISO_8859_1));
            assertEquals("image/png", kept.response().contentType());
        }
    }

    /** As the functions build theirs locally: path-style, and no aws-chunked framing over http. */
    static S3Client client(URI endpoint, EngineCredentials key) {
        return S3Client.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(key.accessKeyId(), key.secretAccessKey())))
                .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).chunkedEncodingEnabled(false).build())
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }
}
