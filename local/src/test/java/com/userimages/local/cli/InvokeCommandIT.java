package com.userimages.local.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.userimages.contract.UserImagesTable;
import com.userimages.engines.Dynalite;
import com.userimages.engines.EngineCredentials;
import com.userimages.engines.S3rver;
import com.userimages.local.runtime.HandlerRegistry;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code invoke}: one function, one event, the response on stdout. Run in-process (each run has its
 * own settings and DynamoDB, nothing global), except one run in its own JVM as a developer runs it.
 */
class InvokeCommandIT {
    /** The repository's events/ folder (the module directory is the test JVM's working directory). */
    static final Path EVENTS = Path.of("").toAbsolutePath().getParent().resolve("events");

    record Result(int exitCode, String stdout, String stderr) {
        JsonNode response() {
            try {
                return Http.JSON.readTree(stdout);
            } catch (Exception e) {
                throw new AssertionError("stdout is not one JSON response:\n" + stdout + "\nstderr:\n" + stderr, e);
            }
        }
    }

    /** In this JVM, with an empty environment: only the arguments configure the run. */
    static Result invoke(String... args) {
        return invokeWith(Map.of(), args);
    }

    static Result invokeWith(Map<String, String> env, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = LocalCli.invoke(List.of(args), env, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), HandlerRegistry.DEPLOYED);
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static Result invokeInItsOwnJvm(String... args) throws Exception {
        List<String> argv = new ArrayList<>(List.of("invoke"));
        argv.addAll(List.of(args));
        try (LocalProcess process = LocalProcess.launch(argv)) {
            int code = process.exitCode();
            return new Result(code, String.join("\n", process.stdout), String.join("\n", process.stderr));
        }
    }

    /** A payload 2.0 event as API Gateway sends it after the authorizer, claims as strings. */
    static ObjectNode event(String routeKey, String rawPath, String sub, String body) {
        ObjectNode event = Http.JSON.createObjectNode();
        event.put("version", "2.0").put("routeKey", routeKey).put("rawPath", rawPath).put("rawQueryString", "");
        event.putObject("headers").put("content-type", "application/json");
        if (body != null) event.put("body", body).put("isBase64Encoded", false);
        ObjectNode context = event.putObject("requestContext");
        context.put("routeKey", routeKey).put("stage", "$default").put("requestId", "test-" + UUID.randomUUID());
        context.putObject("http").put("method", routeKey.split(" ")[0]).put("path", rawPath);
        // A user's access token: every data route needs a data scope (the admin events set theirs).
        context.putObject("authorizer").putObject("jwt").putObject("claims").put("sub", sub).put("exp", "4102444800")
                .put("scope", "images/user");
        return event;
    }

    static Path write(Path dir, ObjectNode event) throws Exception {
        Path file = dir.resolve(UUID.randomUUID() + ".json");
        Files.writeString(file, event.toPrettyString());
        return file;
    }

    @Test
    void invokeRunsAFunctionAgainstADbPathAndPrintsOnlyItsResponse(@TempDir Path dir) throws Exception {
        Path db = dir.resolve("db");
        Path create = write(dir, event("POST /collections", "/collections", "alice",
                "{\"images\":[{\"url\":\"https://example.com/i.jpg\"}]}"));
        Result created = invoke("append-collection", "-e", create.toString(), "--db-path", db.toString());
        assertEquals(0, created.exitCode(), created.stderr());
        JsonNode response = created.response();
        assertEquals(201, response.path("statusCode").asInt(), created.stdout());
        assertTrue(response.path("headers").has("Location") || response.path("headers").has("location"), created.stdout());
        String id = Http.JSON.readTree(response.path("body").asText()).path("imagesCollectionId").asText();

        ObjectNode get = event("GET /collections/{collectionId}", "/collections/" + id, "alice", null);
        get.putObject("pathParameters").put("collectionId", id);
        Result read = invoke("get-item", "-e", write(dir, get).toString(), "--db-path", db.toString());
        assertEquals(0, read.exitCode(), read.stderr());
        assertEquals(200, read.response().path("statusCode").asInt(), "the data outlived the first invoke: " + read.stdout());

        ObjectNode asBob = get.deepCopy();
        ((ObjectNode) asBob.path("requestContext").path("authorizer").path("jwt").path("claims")).put("sub", "bob");
        Result bob = invoke("get-item", "-e", write(dir, asBob).toString(), "--db-path", db.toString());
        assertEquals(0, bob.exitCode(), "the function ran; its answer is a 404, not a failure of invoke");
        assertEquals(404, bob.response().path("statusCode").asInt(), bob.stdout());
    }

    @Test
    void theFunctionsRequestLineGoesToStderrAndStdoutKeepsOnlyTheResponse(@TempDir Path dir) throws Exception {
        String sub = "invoke-line-" + UUID.randomUUID();
        Result result = invoke("append-collection", "-e", write(dir, event("POST /collections", "/collections", sub, "{images:[]}")).toString(),
                "--db-path", dir.resolve("db").toString());
        assertEquals(0, result.exitCode(), result.stderr());
        assertEquals(400, result.response().path("statusCode").asInt(), result.stdout());
        assertEquals(1, result.stdout().strip().lines().count(), "stdout is the response alone: " + result.stdout());
        assertFalse(result.stdout().contains("_aws"), result.stdout());
        JsonNode line = result.stderr().lines().filter(l -> l.startsWith("{") && l.contains("\"_aws\""))
                .map(l -> { try { return Http.JSON.readTree(l); } catch (Exception e) { throw new AssertionError(l, e); } })
                // The table check runs create-table first: its line comes before.
                .filter(l -> l.path("function").asText().equals("append-collection"))
                .findFirst().orElseThrow(() -> new AssertionError("no append-collection request line on stderr:\n" + result.stderr()));
        assertEquals("POST /collections", line.path("routeKey").asText());
        assertEquals(400, line.path("status").asInt());
        assertEquals("INVALID_JSON", line.path("errorCode").asText());
        assertFalse(result.stderr().contains(sub), "no raw sub in the log");
    }

    @Test
    void invokeWritesToTheDynamoDbItIsGiven(@TempDir Path dir) throws Exception {
        try (Dynalite external = Dynalite.inMemory()) {
            String endpoint = external.endpoint().toString();
            // The engine's guard lets only its own key through: invoke takes it from the environment.
            Map<String, String> env = Map.of("AWS_ACCESS_KEY_ID", external.credentials().accessKeyId(),
                    "AWS_SECRET_ACCESS_KEY", external.credentials().secretAccessKey());
            ObjectNode table = event("POST /admin/table", "/admin/table", "admin", null);
            ((ObjectNode) table.path("requestContext").path("authorizer").path("jwt").path("claims")).put("scope", "images/admin");
            Result created = invokeWith(env, "create-table", "-e", write(dir, table).toString(), "--dynamodb-endpoint", endpoint);
            assertEquals(201, created.response().path("statusCode").asInt(), created.stdout() + created.stderr());

            Result stored = invokeWith(env, "append-collection", "-e", write(dir, event("POST /collections", "/collections", "carol",
                    "{\"images\":[{\"url\":\"https://example.com/ext.jpg\"}]}")).toString(), "--dynamodb-endpoint", endpoint);
            assertEquals(201, stored.response().path("statusCode").asInt(), stored.stdout() + stored.stderr());
            String id = Http.JSON.readTree(stored.response().path("body").asText()).path("imagesCollectionId").asText();

            try (DynamoDbClient client = DynamoDbClient.builder().endpointOverride(external.endpoint())
                    .region(Region.US_EAST_1)
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(external.credentials().accessKeyId(), external.credentials().secretAccessKey())))
                    .httpClient(UrlConnectionHttpClient.create()).build()) {
                var item = client.getItem(r -> r.tableName(UserImagesTable.DEFAULT_TABLE_NAME).key(Map.of(
                        UserImagesTable.PARTITION_KEY, AttributeValue.fromS("carol"),
                        UserImagesTable.SORT_KEY, AttributeValue.fromS(id)))).item();
                assertEquals("https://example.com/ext.jpg", item.get(UserImagesTable.COVER_URL).s(),
                        "the collection is in the DynamoDB given by --dynamodb-endpoint");
            }
        }
    }

    @Test
    void invokeStartsS3rverBesideDynaliteAndADbPathKeepsItsObjectsInTheirOwnFolder(@TempDir Path db) throws Exception {
        Path event = write(db, event("GET /collections", "/collections", "alice", null));
        Result result = invoke("list-page", "-e", event.toString(), "--db-path", db.toString());
        assertEquals(200, result.response().path("statusCode").asInt(), result.stdout() + result.stderr());
        assertTrue(result.stderr().contains("S3: s3rver, bucket user-images-local, data in " + db.resolve("s3") + "\n"), result.stderr());
        assertTrue(Files.isDirectory(db.resolve("s3").resolve("user-images-local")), "the bucket, created at s3rver's start, is kept");
        assertTrue(Files.isDirectory(db.resolve("dynalite")));

        Result inMemory = invoke("list-page", "-e", event.toString());
        assertTrue(inMemory.stderr().contains("S3: s3rver, bucket user-images-local, in a temporary directory\n"), inMemory.stderr());
    }

    @Test
    void anS3EndpointIsUsedInsteadOfAnS3rverOfInvokesOwn(@TempDir Path dir) throws Exception {
        EngineCredentials key = EngineCredentials.random();
        try (S3rver external = S3rver.temporary("invoke-bucket", List.of(), key)) {
            // The started dynalite and the given S3 sign with one key: the S3's, from AWS's variables.
            Map<String, String> env = Map.of("AWS_ACCESS_KEY_ID", key.accessKeyId(), "AWS_SECRET_ACCESS_KEY", key.secretAccessKey());
            Result result = invokeWith(env, "list-page", "-e", write(dir, event("GET /collections", "/collections", "alice", null)).toString(),
                    "--s3-endpoint", external.endpoint().toString(), "--images-bucket", "invoke-bucket");
            assertEquals(200, result.response().path("statusCode").asInt(), result.stdout() + result.stderr());
            assertTrue(result.stderr().contains("S3: S3 at " + external.endpoint() + ", bucket invoke-bucket\n"), result.stderr());
        }
        Result bad = invoke("list-page", "-e", write(dir, event("GET /collections", "/collections", "alice", null)).toString(),
                "--s3-endpoint", "127.0.0.1:9000", "--images-bucket", "invoke-bucket");
        assertEquals(2, bad.exitCode(), bad.stderr());
        assertTrue(bad.stderr().startsWith("error: --s3-endpoint must be an absolute http:// or https:// URL, was '127.0.0.1:9000'\n"), bad.stderr());
    }

    @Test
    void createTableOnAFreshInMemoryDynamoDbCreatesIt(@TempDir Path dir) throws Exception {
        ObjectNode event = event("POST /admin/table", "/admin/table", "admin", null);
        ((ObjectNode) event.path("requestContext").path("authorizer").path("jwt").path("claims")).put("scope", "images/admin");
        Result result = invokeInItsOwnJvm("create-table", "-e", write(dir, event).toString());
        assertEquals(0, result.exitCode(), result.stderr());
        assertEquals(1, result.stdout().lines().count(), "stdout holds the response and nothing else: " + result.stdout());
        assertEquals(201, result.response().path("statusCode").asInt(), "invoke must not create the table before create-table runs");
    }

    @Test
    void anUnusableSettingStopsTheRunWithOneLineNamingIt(@TempDir Path dir) throws Exception {
        Path event = write(dir, event("GET /collections", "/collections", "alice", null));
        for (var bad : List.of(Map.of("PAGE_TOKEN_SECRET", "abcde"), Map.of("LIST_MAX_QUERY_CALLS", "ten"))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int code = LocalCli.invoke(List.of("list-page", "-e", event.toString()), bad,
                    new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                    HandlerRegistry.DEPLOYED);
            String name = bad.keySet().iterator().next();
            List<String> errors = err.toString(StandardCharsets.UTF_8).lines().filter(l -> l.startsWith("error:")).toList();
            assertEquals(1, code, bad.toString());
            assertEquals(1, errors.size(), err.toString(StandardCharsets.UTF_8));
            assertTrue(errors.getFirst().contains(name), errors.getFirst());
            assertFalse(errors.getFirst().contains("abcde"), "a secret is never repeated: " + errors.getFirst());
            assertEquals("", out.toString(StandardCharsets.UTF_8), "nothing ran, so nothing is on stdout");
        }
    }

    @Test
    void aBadLogLevelStopsTheRunWithOneLine(@TempDir Path dir) throws Exception {
        Path event = write(dir, event("GET /collections", "/collections", "alice", null));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = LocalCli.invoke(List.of("get-item", "-e", event.toString()), Map.of("LOG_LEVEL", "verbose"),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                HandlerRegistry.DEPLOYED);
        String stderr = err.toString(StandardCharsets.UTF_8);
        assertEquals(1, code, stderr);
        assertEquals(List.of("error: setting LOG_LEVEL must be INFO or WARN, was 'verbose'"),
                stderr.lines().filter(l -> l.startsWith("error:")).toList(), stderr);
        assertFalse(stderr.contains("Exception") || stderr.contains("\tat "), stderr);
        assertEquals("", out.toString(StandardCharsets.UTF_8), "nothing ran, so nothing is on stdout");
    }

    @Test
    void anUnknownFunctionIsAUsageError(@TempDir Path dir) throws Exception {
        Result result = invoke("delete-everything", "-e", write(dir, event("GET /x", "/x", "a", null)).toString());
        assertEquals(2, result.exitCode());
        assertTrue(result.stderr().contains("create-table, append-collection, get-item, list-page, delete-item"), result.stderr());
    }

    /**
     * Every event of the repository's events/ folder, in the manifest's order (earlier events seed the
     * data later ones refer to), through invoke against one --db-path, each with the status it expects.
     */
    @Test
    void everyManifestEventAnswersItsExpectedStatus(@TempDir Path db) throws Exception {
        Path manifest = EVENTS.resolve("manifest.json");
        assertTrue(Files.exists(manifest), "events/manifest.json (the SAM events' order and statuses) is missing");
        JsonNode entries = Http.JSON.readTree(manifest.toFile());
        assertTrue(entries.isArray() && !entries.isEmpty(), "the manifest lists events");
        List<String> failures = new ArrayList<>();
        for (JsonNode entry : entries) {
            String file = entry.path("file").asText();
            // Names are relative to events/; a name that already starts with events/ is taken from the root.
            Path event = EVENTS.resolve(file).normalize();
            if (!Files.exists(event)) event = EVENTS.getParent().resolve(file).normalize();
            Result result = invoke(entry.path("function").asText(), "-e", event.toString(), "--db-path", db.toString());
            int status = result.exitCode() == 0 ? result.response().path("statusCode").asInt() : -result.exitCode();
            if (status != entry.path("expectedStatus").asInt()) {
                failures.add(file + ": expected " + entry.path("expectedStatus").asInt() + ", got " + status
                        + " " + result.stdout() + (result.exitCode() == 0 ? "" : "\n" + result.stderr()));
            }
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }
}
