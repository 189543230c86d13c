package com.userimages.engines;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.CopyObjectRequest;
import software.amazon.awssdk.services.s3.model.Delete;
import software.amazon.awssdk.services.s3.model.DeleteObjectsResponse;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.s3.presigner.model.PresignedGetObjectRequest;
import software.amazon.awssdk.services.s3.presigner.model.PresignedPutObjectRequest;

class S3rverTest {
    private static final String BUCKET = "user-images-test";
    private static final String PAGE = "http://127.0.0.1:3000";
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
    private static S3rver engine;
    private static S3Client s3;
    private static S3Presigner presigner;

    @BeforeAll
    static void start() throws EngineStartException {
        engine = S3rver.temporary(BUCKET, List.of(PAGE, "http://LocalHost:3000"));
        s3 = client(engine);
        presigner = presigner(engine);
    }

    @AfterAll
    static void stop() {
        s3.close();
        presigner.close();
        engine.close();
    }

    @Nested
    class WithTheSdk {
        @Test
        void aPresignedPutThenAPresignedGetServeTheBytes() throws IOException {
            PresignedPutObjectRequest put = presigner.presignPutObject(p -> p.signatureDuration(Duration.ofMinutes(10))
                    .putObjectRequest(o -> o.bucket(BUCKET).key("uploads/u/c/i/presigned").contentType("image/png")
                            .contentLength((long) PNG.length)));
            assertTrue(put.signedHeaders().containsKey("content-type"), put.signedHeaders().toString());
            assertTrue(put.signedHeaders().containsKey("content-length"), put.signedHeaders().toString());
            Response stored = Raw.presigned("PUT", put.url(), null, Map.of("Content-Type", "image/png"), PNG);
            assertEquals(200, stored.status(), stored.text());

            PresignedGetObjectRequest get = presigner.presignGetObject(p -> p.signatureDuration(Duration.ofMinutes(10))
                    .getObjectRequest(o -> o.bucket(BUCKET).key("uploads/u/c/i/presigned")));
            Response read = Raw.presigned("GET", get.url(), null, Map.of(), null);
            assertEquals(200, read.status(), read.text());
            assertArrayEquals(PNG, read.body());
            assertEquals("image/png", read.header("content-type"));
        }

        @Test
        void headRangedGetCopyAndDeleteWorkAsTheFunctionsUseThem() {
            s3.putObject(PutObjectRequest.builder().bucket(BUCKET).key("uploads/a").contentType("image/png").build(),
                    RequestBody.fromBytes(PNG));

            HeadObjectResponse head = s3.headObject(h -> h.bucket(BUCKET).key("uploads/a"));
            assertEquals(PNG.length, head.contentLength());
            assertEquals("image/png", head.contentType());

            ResponseBytes<GetObjectResponse> first = s3.getObjectAsBytes(GetObjectRequest.builder().bucket(BUCKET).key("uploads/a")
                    .range("bytes=0-7").build());
            assertArrayEquals(java.util.Arrays.copyOf(PNG, 8), first.asByteArray());
            assertEquals("bytes 0-7/" + PNG.length, first.response().contentRange());

            s3.copyObject(CopyObjectRequest.builder().sourceBucket(BUCKET).sourceKey("uploads/a")
                    .destinationBucket(BUCKET).destinationKey("images/a").build());
            assertArrayEquals(PNG, s3.getObjectAsBytes(g -> g.bucket(BUCKET).key("images/a")).asByteArray());
            assertEquals("image/png", s3.headObject(h -> h.bucket(BUCKET).key("images/a")).contentType());

            s3.deleteObject(d -> d.bucket(BUCKET).key("uploads/a"));
            assertThrows(NoSuchKeyException.class, () -> s3.headObject(h -> h.bucket(BUCKET).key("uploads/a")));
            s3.putObject(p -> p.bucket(BUCKET).key("images/b"), RequestBody.fromBytes(PNG));
            DeleteObjectsResponse deleted = s3.deleteObjects(d -> d.bucket(BUCKET).delete(Delete.builder().objects(
                    ObjectIdentifier.builder().key("images/a").build(), ObjectIdentifier.builder().key("images/b").build()).build()));
            assertEquals(2, deleted.deleted().size(), deleted.toString());
            assertEquals(List.of(), deleted.errors());
            assertThrows(NoSuchKeyException.class, () -> s3.headObject(h -> h.bucket(BUCKET).key("images/a")));
            assertThrows(NoSuchKeyException.class, () -> s3.headObject(h -> h.bucket(BUCKET).key("images/b")));
        }

        @Test
        void anSdkPutStoresTheBodyItselfWithoutChunkFraming() {
            byte[] body = "exactly these bytes".getBytes(StandardCharsets.UTF_8);
            s3.putObject(p -> p.bucket(BUCKET).key("plain"), RequestBody.fromBytes(body));
            assertArrayEquals(body, s3.getObjectAsBytes(g -> g.bucket(BUCKET).key("plain")).asByteArray());
        }

        @Test
        void aClientThatWouldStoreAwsChunkedFramingIsToldWhatToSet() {
            try (S3Client chunked = client(engine.endpoint(), engine.credentials(), true)) {
                S3Exception refused = assertThrows(S3Exception.class, () -> chunked.putObject(p -> p.bucket(BUCKET).key("framed"),
                        RequestBody.fromBytes(PNG)));
                assertEquals(400, refused.statusCode());
                assertTrue(refused.getMessage().contains("chunkedEncodingEnabled(false)"), refused.getMessage());
                assertThrows(NoSuchKeyException.class, () -> s3.headObject(h -> h.bucket(BUCKET).key("framed")));
            }
        }

        @Test
        void anotherRunsKeyIsRefusedByTheGuard() {
            try (S3Client stranger = client(engine.endpoint(), EngineCredentials.random(), false)) {
                S3Exception refused = assertThrows(S3Exception.class, () -> stranger.headBucket(h -> h.bucket(BUCKET)));
                assertEquals(403, refused.statusCode());
            }
        }

        @Test
        void anExpiredPresignedUrlIsRefused() throws IOException {
            s3.putObject(p -> p.bucket(BUCKET).key("old"), RequestBody.fromBytes(PNG));
            PresignedGetObjectRequest get = presigner.presignGetObject(p -> p.signatureDuration(Duration.ofSeconds(60))
                    .getObjectRequest(o -> o.bucket(BUCKET).key("old")));
            // s3rver verifies no signature, so the URL's own date can be moved back an hour: it expired 59 minutes ago.
            String hourAgo = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC)
                    .format(Instant.now().minus(Duration.ofHours(1)));
            URL expired = URI.create(get.url().toString().replaceFirst("X-Amz-Date=\\d{8}T\\d{6}Z", "X-Amz-Date=" + hourAgo)).toURL();
            Response refused = Raw.presigned("GET", expired, null, Map.of(), null);
            assertEquals(403, refused.status(), refused.text());
            assertTrue(refused.text().contains("Request has expired"), refused.text());
            assertFalse(new String(refused.body(), StandardCharsets.ISO_8859_1).contains("PNG"));
            assertEquals(200, Raw.presigned("GET", get.url(), null, Map.of(), null).status());
        }
    }

    @Nested
    class Guard {
        @Test
        void aHeaderSignedRequestWithTheRunsKeyIsServed() throws IOException {
            Response response = Raw.headerSigned(engine, "127.0.0.1:" + port(), engine.credentials().accessKeyId(), null);
            assertEquals(200, response.status(), response.text());
            assertTrue(Raw.headerSigned(engine, "LocalHost:" + port(), engine.credentials().accessKeyId(), null).status() == 200);
        }

        @Test
        void anotherHostIsRefusedAsARebindingPageWouldSendIt() throws IOException {
            for (String host : new String[] {"evil.example:" + port(), "127.0.0.1", "localhost", "127.0.0.1:" + port() + ".evil",
                    "127.0.0.1:1", "[::1]:" + port(), BUCKET + ".localhost:" + port()}) {
                Response response = Raw.headerSigned(engine, host, engine.credentials().accessKeyId(), null);
                assertEquals(403, response.status(), host + " -> " + response.text());
            }
        }

        @Test
        void aJunkKeyOrNoSignatureIsRefused() throws IOException {
            assertEquals(403, Raw.headerSigned(engine, "127.0.0.1:" + port(), "AKIDEXAMPLE", null).status());
            assertEquals(403, Raw.headerSigned(engine, "127.0.0.1:" + port(), "S3RVER", null).status());
            assertEquals(403, Raw.headerSigned(engine, "127.0.0.1:" + port(), engine.credentials().accessKeyId().substring(0, 10), null)
                    .status());
            assertEquals(403, Raw.send(engine, "GET /" + BUCKET + "/ HTTP/1.1", "127.0.0.1:" + port(), Map.of()).status());
        }

        @Test
        void onlyKeysOfTheOneBucketAndNoneThatClimbOutOfItsDirectory() throws IOException {
            Path outside = engine.directory().getParent().resolve("escaped-" + port());
            Map<String, String> signed = new HashMap<>(Raw.signedHeaders(engine.credentials().accessKeyId()));
            signed.put("Content-Length", "0");
            for (String target : new String[] {"/" + BUCKET + "/..%2F..%2F" + outside.getFileName(), "/" + BUCKET + "/a/../../../" + outside.getFileName(),
                    "/" + BUCKET + "/./a", "/..", "/%2E%2E/" + outside.getFileName(), "/another-bucket", "/", "/" + BUCKET + "/%E0%A4%A"}) {
                Response response = Raw.send(engine, "PUT " + target + " HTTP/1.1", "127.0.0.1:" + port(), signed);
                assertEquals(403, response.status(), target + " -> " + response.text());
            }
            assertEquals(List.of(), siblings(outside));
            assertEquals(200, Raw.send(engine, "PUT /" + BUCKET + "/a..b/..c HTTP/1.1", "127.0.0.1:" + port(), signed).status());
        }

        @Test
        void aFormUploadIsRefusedEvenSigned() throws IOException {
            byte[] form = "--b\r\nContent-Disposition: form-data; name=\"key\"\r\n\r\nform\r\n--b--\r\n".getBytes(StandardCharsets.UTF_8);
            Map<String, String> headers = new HashMap<>(Raw.signedHeaders(engine.credentials().accessKeyId()));
            headers.put("Content-Type", "Multipart/Form-Data; boundary=b");
            headers.put("Content-Length", Integer.toString(form.length));
            Response response = Raw.send(port(), "POST /" + BUCKET + " HTTP/1.1", "127.0.0.1:" + port(), headers, form);
            assertEquals(403, response.status(), response.text());
            assertTrue(engine.alive());
        }

        @Test
        void anOriginOnAHeaderSignedRequestIsRefusedEvenAListedOne() throws IOException {
            Response response = Raw.headerSigned(engine, "127.0.0.1:" + port(), engine.credentials().accessKeyId(), PAGE);
            assertEquals(403, response.status(), response.text());
            assertEquals(null, response.header("access-control-allow-origin"));
        }

        @Test
        void aPresignedRequestFromAListedOriginGetsItsCorsHeaders() throws IOException {
            s3.putObject(p -> p.bucket(BUCKET).key("shown"), RequestBody.fromBytes(PNG));
            Response response = Raw.presigned("GET", presignedGet("shown"), PAGE, Map.of(), null);
            assertEquals(200, response.status(), response.text());
            assertEquals(PAGE, response.header("access-control-allow-origin"));
            assertArrayEquals(PNG, response.body());
            // Listed in upper case, sent by browsers in lower case.
            assertEquals(200, Raw.presigned("GET", presignedGet("shown"), "http://localhost:3000", Map.of(), null).status());
        }

        @Test
        void aPresignedRequestFromAnotherOriginIsRefused() throws IOException {
            s3.putObject(p -> p.bucket(BUCKET).key("hidden"), RequestBody.fromBytes(PNG));
            for (String origin : new String[] {"http://evil.example", "http://127.0.0.1:3001", "null", PAGE + "/", "https://127.0.0.1:3000"}) {
                Response response = Raw.presigned("GET", presignedGet("hidden"), origin, Map.of(), null);
                assertEquals(403, response.status(), origin + " -> " + response.text());
                assertFalse(new String(response.body(), StandardCharsets.ISO_8859_1).contains("PNG"), origin);
            }
        }

        @Test
        void aPreflightFromAListedOriginAllowsThePut() throws IOException {
            URL put = presigner.presignPutObject(p -> p.signatureDuration(Duration.ofMinutes(10))
                    .putObjectRequest(o -> o.bucket(BUCKET).key("uploads/preflight").contentType("image/png")
                            .contentLength((long) PNG.length))).url();
            Map<String, String> preflight = Map.of("Access-Control-Request-Method", "PUT", "Access-Control-Request-Headers", "content-type");
            Response allowed = Raw.presigned("OPTIONS", put, PAGE, preflight, null);
            assertEquals(200, allowed.status(), allowed.text());
            assertEquals(PAGE, allowed.header("access-control-allow-origin"));
            assertTrue(allowed.header("access-control-allow-methods").contains("PUT"), allowed.text());
            assertEquals("content-type", allowed.header("access-control-allow-headers"));

            Response stored = Raw.presigned("PUT", put, PAGE, Map.of("Content-Type", "image/png"), PNG);
            assertEquals(200, stored.status(), stored.text());
            assertEquals(PAGE, stored.header("access-control-allow-origin"));

            assertEquals(403, Raw.presigned("OPTIONS", put, "http://evil.example", preflight, null).status());
            assertEquals(403, Raw.presigned("OPTIONS", put, PAGE, Map.of("Access-Control-Request-Method", "DELETE"), null).status());
        }

        @Test
        void aPresignedQueryS3rverWouldNeverExpireIsRefused() throws IOException {
            String url = presignedGet("shown").toString();
            for (String broken : new String[] {
                    url.replaceFirst("X-Amz-Expires=\\d+", "X-Amz-Expires=forever"),
                    url.replaceFirst("X-Amz-Expires=\\d+", "X-Amz-Expires=604801"),
                    url.replaceFirst("X-Amz-Algorithm=[^&]+&", ""),
                    url + "&X-Amz-Credential=" + engine.credentials().accessKeyId() + "%2F20260101%2Fus-east-1%2Fs3%2Faws4_request"}) {
                Response response = Raw.presigned("GET", URI.create(broken).toURL(), null, Map.of(), null);
                assertEquals(403, response.status(), broken + " -> " + response.text());
            }
        }
    }

    @Nested
    class Lifecycle {
        @Test
        void closeStopsNodeAndRemovesTheTemporaryDirectory() throws Exception {
            S3rver own = S3rver.temporary("lifecycle", List.of());
            Path directory = own.directory();
            try (S3Client client = client(own)) {
                client.putObject(p -> p.bucket("lifecycle").key("k"), RequestBody.fromBytes(PNG));
            }
            assertTrue(Files.isDirectory(directory.resolve("lifecycle")));
            assertEquals("rwx------", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(directory)),
                    "another user could read the objects");
            assertEquals(java.util.Optional.empty(), own.dataDir());
            ProcessHandle node = ProcessHandle.of(own.pid()).orElseThrow();
            own.close();
            assertFalse(node.isAlive(), "node outlived close()");
            assertFalse(Files.exists(directory), directory + " outlived close()");
        }

        @Test
        void aParentKilledWithSigkillLeavesNeitherNodeNorItsDirectory() throws Exception {
            String java = ProcessHandle.current().info().command().orElseThrow();
            Process parent = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Parent.class.getName())
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            try {
                String line = new BufferedReader(new InputStreamReader(parent.getInputStream(), StandardCharsets.UTF_8)).readLine();
                assertTrue(line != null && line.matches("\\d+ .+"), "the parent said " + line);
                ProcessHandle node = ProcessHandle.of(Long.parseLong(line.substring(0, line.indexOf(' ')))).orElseThrow();
                Path directory = Path.of(line.substring(line.indexOf(' ') + 1));
                assertTrue(Files.isDirectory(directory.resolve("orphan")));

                parent.destroyForcibly();
                assertTrue(parent.waitFor(30, TimeUnit.SECONDS), "the parent JVM did not die");
                assertTrue(node.onExit().completeOnTimeout(null, 30, TimeUnit.SECONDS).thenApply(p -> !node.isAlive()).get(),
                        "s3rver (pid " + node.pid() + ") outlived its parent killed with SIGKILL");
                assertFalse(Files.exists(directory), directory + " outlived the engine");
            } finally {
                parent.destroyForcibly();
            }
        }

        @Test
        void onDiskTheObjectsSurviveARestart(@TempDir Path dir) throws Exception {
            try (S3rver first = S3rver.onDisk(dir, "kept", List.of()); S3Client client = client(first)) {
                client.putObject(p -> p.bucket("kept").key("images/k"), RequestBody.fromBytes(PNG));
                assertEquals(java.util.Optional.of(dir), first.dataDir());
            }
            assertTrue(Files.isDirectory(dir.resolve("kept")), "a given directory stays");
            try (S3rver second = S3rver.onDisk(dir, "kept", List.of(PAGE)); S3Client client = client(second)) {
                assertArrayEquals(PNG, client.getObjectAsBytes(g -> g.bucket("kept").key("images/k")).asByteArray());
            }
        }

        @Test
        void anEngineGivenARunsKeyLetsThatKeyThroughAndNoOther(@TempDir Path dir) throws Exception {
            EngineCredentials runKey = EngineCredentials.random();
            try (S3rver given = S3rver.onDisk(dir, "given", List.of(), runKey);
                 S3Client client = client(given.endpoint(), runKey, false);
                 S3Client other = client(given.endpoint(), engine.credentials(), false)) {
                assertEquals(runKey, given.credentials());
                client.headBucket(h -> h.bucket("given"));
                assertEquals(403, assertThrows(S3Exception.class, () -> other.headBucket(h -> h.bucket("given"))).statusCode(),
                        "another engine's key");
            }
        }

        @Test
        void aDirectoryAnotherEngineHoldsIsRefusedInOneLine(@TempDir Path dir) throws Exception {
            try (S3rver holder = S3rver.onDisk(dir, "held", List.of())) {
                EngineStartException refused = assertThrows(EngineStartException.class, () -> S3rver.onDisk(dir, "held", List.of()));
                assertEquals("the data directory " + dir + " is in use by another server", refused.getMessage());
                assertTrue(holder.alive());
            }
            try (S3rver next = S3rver.onDisk(dir, "held", List.of())) {
                assertTrue(next.alive(), "the directory is free once its engine stopped");
            }
        }

        @Test
        void aBadBucketOrOriginIsRefusedBeforeAnythingStarts() {
            for (String bucket : new String[] {"Upper", "ab", "a..b", "-a-", "192.168.0.1", "a_b", "a".repeat(64)}) {
                assertThrows(IllegalArgumentException.class, () -> S3rver.temporary(bucket, List.of()), bucket);
            }
            for (String origin : new String[] {"*", "127.0.0.1:3000", "http://127.0.0.1:3000/", "http://a/b", "http://a,http://b", "ftp://a"}) {
                assertThrows(IllegalArgumentException.class, () -> S3rver.temporary(BUCKET, List.of(origin)), origin);
            }
        }
    }

    @Nested
    class Node {
        @Test
        void noNodeOnPathIsOneLineThatSaysSo(@TempDir Path empty) {
            Map<String, String> env = NodeEnvironments.withoutNode(empty);
            EngineStartException refused = assertThrows(EngineStartException.class, () -> S3rver.start(BUCKET, List.of(), null, env));
            assertEquals("node was not found on PATH: the local engines need Node.js 20 or newer", refused.getMessage());
        }

        @Test
        void aNodeTooOldIsOneLineThatSaysSo(@TempDir Path bin) throws IOException {
            Map<String, String> env = NodeEnvironments.withNodeTooOld(bin);
            EngineStartException refused = assertThrows(EngineStartException.class, () -> S3rver.start(BUCKET, List.of(), null, env));
            assertEquals(NodeEnvironments.TOO_OLD, refused.getMessage());
        }
    }

    /** A JVM that starts an engine, says its pid and directory, and waits to be killed. */
    static final class Parent {
        public static void main(String[] args) throws Exception {
            S3rver engine = S3rver.temporary("orphan", List.of());
            try (S3Client client = client(engine)) {
                client.putObject(p -> p.bucket("orphan").key("k"), RequestBody.fromBytes(PNG));
            }
            System.out.println(engine.pid() + " " + engine.directory());
            System.out.flush();
            Thread.sleep(Duration.ofMinutes(5));
        }
    }

    private static List<Path> siblings(Path outside) throws IOException {
        try (java.util.stream.Stream<Path> listed = Files.list(outside.getParent())) {
            return listed.filter(p -> p.getFileName().toString().startsWith(outside.getFileName().toString())).toList();
        }
    }

    private static int port() {
        return engine.endpoint().getPort();
    }

    private static URL presignedGet(String key) {
        return presigner.presignGetObject(p -> p.signatureDuration(Duration.ofMinutes(10))
                .getObjectRequest(o -> o.bucket(BUCKET).key(key))).url();
    }

    /** As the functions build theirs locally: path-style, and no aws-chunked framing over http. */
    private static S3Client client(S3rver target) {
        return client(target.endpoint(), target.credentials(), false);
    }

    private static S3Client client(URI endpoint, EngineCredentials credentials, boolean chunked) {
        return S3Client.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        credentials.accessKeyId(), credentials.secretAccessKey())))
                .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).chunkedEncodingEnabled(chunked).build())
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    private static S3Presigner presigner(S3rver target) {
        return S3Presigner.builder().endpointOverride(target.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        target.credentials().accessKeyId(), target.credentials().secretAccessKey())))
                .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build())
                .build();
    }

    record Response(int status, Map<String, String> headers, byte[] body) {
        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        String text() {
            return status + " " + headers + " " + new String(body, StandardCharsets.UTF_8);
        }
    }

    /** Hand-made requests, so the Host and Origin headers are exactly what a browser or an attacker sends. */
    static final class Raw {
        static Response headerSigned(S3rver target, String host, String keyId, String origin) throws IOException {
            Map<String, String> headers = new HashMap<>(signedHeaders(keyId));
            if (origin != null) headers.put("Origin", origin);
            return send(target, "HEAD /" + BUCKET + " HTTP/1.1", host, headers);
        }

        /** SigV4's shape with the given key id, as the SDK sends it in headers (s3rver checks the shape and date, not the signature). */
        static Map<String, String> signedHeaders(String keyId) {
            String date = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC).format(Instant.now());
            return Map.of("X-Amz-Date", date, "X-Amz-Content-Sha256", "UNSIGNED-PAYLOAD",
                    "Authorization", "AWS4-HMAC-SHA256 Credential=" + keyId + "/" + date.substring(0, 8)
                            + "/us-east-1/s3/aws4_request, SignedHeaders=host;x-amz-date, Signature=00");
        }

        static Response presigned(String method, URL url, String origin, Map<String, String> headers, byte[] body) throws IOException {
            Map<String, String> all = new HashMap<>(headers);
            if (origin != null) all.put("Origin", origin);
            if (body != null) all.put("Content-Length", Integer.toString(body.length));
            return send(url.getPort(), method + " " + url.getFile() + " HTTP/1.1", url.getHost() + ":" + url.getPort(), all, body);
        }

        static Response send(S3rver target, String requestLine, String host, Map<String, String> headers) throws IOException {
            return send(target.endpoint().getPort(), requestLine, host, headers, null);
        }

        static Response send(int port, String requestLine, String host, Map<String, String> headers, byte[] body)
                throws IOException {
            StringBuilder request = new StringBuilder(requestLine).append("\r\nHost: ").append(host).append("\r\nConnection: close\r\n");
            headers.forEach((name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
            request.append("\r\n");
            try (Socket socket = new Socket("127.0.0.1", port)) {
                socket.setSoTimeout(10_000);
                OutputStream out = socket.getOutputStream();
                out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
                if (body != null) out.write(body);
                out.flush();
                InputStream in = socket.getInputStream();
                return parse(in.readAllBytes(), requestLine.startsWith("HEAD "));
            }
        }

        private static Response parse(byte[] raw, boolean head) {
            String text = new String(raw, StandardCharsets.ISO_8859_1);
            int end = text.indexOf("\r\n\r\n");
            String[] lines = text.substring(0, end < 0 ? text.length() : end).split("\r\n");
            Map<String, String> headers = new HashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                if (colon > 0) headers.put(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).strip());
            }
            byte[] body = end < 0 || head ? new byte[0] : java.util.Arrays.copyOfRange(raw, end + 4, raw.length);
            if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) body = unchunk(body);
            return new Response(Integer.parseInt(lines[0].substring(9, 12)), headers, body);
        }

        private static byte[] unchunk(byte[] chunked) {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            int at = 0;
            while (at < chunked.length) {
                int lineEnd = at;
                while (lineEnd + 1 < chunked.length && !(chunked[lineEnd] == '\r' && chunked[lineEnd + 1] == '\n')) lineEnd++;
                String sizeText = new String(chunked, at, lineEnd - at, StandardCharsets.ISO_8859_1).split(";")[0].strip();
                int size = Integer.parseInt(sizeText, 16);
                if (size == 0) break;
                out.write(chunked, lineEnd + 2, size);
                at = lineEnd + 2 + size + 2;
            }
            return out.toByteArray();
        }
    }
}
