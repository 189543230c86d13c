package com.userimages.local.cli;

import com.userimages.local.engine.S3Options;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The S3 options of the server and invoke: s3rver by default, --s3-endpoint with its bucket, and the combinations that make no sense. */
class S3FlagsTest {
    @Test
    void theDefaultIsTheStartedS3rverWithItsFixedBucket() throws Exception {
        S3Options s3 = ServerOptions.parse(List.of(), Map.of()).s3();
        assertTrue(s3.embedded());
        assertNull(s3.endpoint());
        assertEquals("user-images-local", s3.bucket());
        assertEquals(S3Options.started(), ServerOptions.parse(List.of("--db-path", "data"), Map.of()).s3(),
                "--db-path keeps s3rver on disk, the same bucket");
    }

    @Test
    void anEndpointTakesItsBucketFromTheFlagOrTheVariableAndFlagsWin() throws Exception {
        S3Options flags = ServerOptions.parse(List.of("--s3-endpoint", "http://127.0.0.1:9000", "--images-bucket", "my.bucket-1"), Map.of()).s3();
        assertEquals(new S3Options(URI.create("http://127.0.0.1:9000"), "my.bucket-1"), flags);

        Map<String, String> env = Map.of("S3_ENDPOINT", "https://s3.eu-west-1.amazonaws.com", "IMAGES_BUCKET", "from-env");
        assertEquals(new S3Options(URI.create("https://s3.eu-west-1.amazonaws.com"), "from-env"), ServerOptions.parse(List.of(), env).s3());
        assertEquals(new S3Options(URI.create("http://localhost:4569"), "flagged"),
                ServerOptions.parse(List.of("--s3-endpoint=http://localhost:4569", "--images-bucket=flagged"), env).s3());
        assertEquals(new S3Options(URI.create("http://localhost:4569"), "from-env"),
                ServerOptions.parse(List.of("--s3-endpoint", "http://localhost:4569"), env).s3(), "the variable's bucket with the flag's endpoint");
    }

    @Test
    void aDbPathIsTheMoreSpecificWishThanAnEndpointLeftInTheShell() throws Exception {
        ServerOptions o = ServerOptions.parse(List.of("--db-path", "data"), Map.of("S3_ENDPOINT", "http://127.0.0.1:9000", "IMAGES_BUCKET", "b"));
        assertTrue(o.s3().embedded());
        assertEquals(List.of("IMAGES_BUCKET ignored: the started s3rver's bucket is user-images-local"), o.notes());
        UsageException both = assertThrows(UsageException.class, () -> ServerOptions.parse(
                List.of("--db-path", "data", "--s3-endpoint", "http://127.0.0.1:9000", "--images-bucket", "b"), Map.of()));
        assertEquals("--db-path keeps the started engines on disk; --s3-endpoint uses another S3: give one of them", both.getMessage());
    }

    @Test
    void aBadEndpointIsOneEscapedUsageLineNamingWhereItCameFrom() {
        for (String bad : List.of("localhost:9000", "ftp://127.0.0.1/", "not a url", "http://", "http://h:9000/\u001b[2J")) {
            UsageException e = assertThrows(UsageException.class,
                    () -> ServerOptions.parse(List.of("--s3-endpoint", bad, "--images-bucket", "b-1"), Map.of()), bad);
            assertTrue(e.getMessage().startsWith("--s3-endpoint must be an absolute http:// or https:// URL, was '"), e.getMessage());
            assertTrue(e.getMessage().chars().allMatch(c -> c >= 0x20 && c < 0x7f), "one printable line: " + e.getMessage());
        }
        UsageException env = assertThrows(UsageException.class,
                () -> ServerOptions.parse(List.of(), Map.of("S3_ENDPOINT", "s3.amazonaws.com", "IMAGES_BUCKET", "b-1")));
        assertEquals("S3_ENDPOINT must be an absolute http:// or https:// URL, was 's3.amazonaws.com'", env.getMessage());
    }

    @Test
    void anEndpointNeedsAValidBucketAndABucketNeedsAnEndpoint() throws Exception {
        UsageException missing = assertThrows(UsageException.class,
                () -> ServerOptions.parse(List.of("--s3-endpoint", "http://127.0.0.1:9000"), Map.of()));
        assertEquals("--s3-endpoint needs the bucket to use there: --images-bucket NAME (or IMAGES_BUCKET)", missing.getMessage());
        UsageException fromEnv = assertThrows(UsageException.class,
                () -> ServerOptions.parse(List.of(), Map.of("S3_ENDPOINT", "http://127.0.0.1:9000")));
        assertTrue(fromEnv.getMessage().startsWith("S3_ENDPOINT needs the bucket"), fromEnv.getMessage());

        for (String bad : List.of("B", "ab", "Upper", "a..b", "192.168.1.1", "-start", "x".repeat(64), "bad\u001b[2J")) {
            UsageException e = assertThrows(UsageException.class, () -> ServerOptions.parse(
                    List.of("--s3-endpoint", "http://127.0.0.1:9000", "--images-bucket", bad), Map.of()), bad);
            assertTrue(e.getMessage().startsWith("--images-bucket must be a bucket name"), e.getMessage());
            assertTrue(e.getMessage().chars().allMatch(c -> c >= 0x20 && c < 0x7f), "one printable line: " + e.getMessage());
        }

        UsageException noEndpoint = assertThrows(UsageException.class, () -> ServerOptions.parse(List.of("--images-bucket", "b-1"), Map.of()));
        assertEquals("--images-bucket names the bucket of the S3 given with --s3-endpoint; the started s3rver's is user-images-local",
                noEndpoint.getMessage());
        ServerOptions noted = ServerOptions.parse(List.of(), Map.of("IMAGES_BUCKET", "deployed-bucket"));
        assertTrue(noted.s3().embedded(), "a variable left in the shell does not stop the one-command start");
        assertEquals(List.of("IMAGES_BUCKET ignored: the started s3rver's bucket is user-images-local"), noted.notes());
    }

    @Test
    void invokeReadsTheSameOptions(@TempDir Path dir) throws Exception {
        Path event = Files.writeString(dir.resolve("e.json"), "{}");
        InvokeOptions started = InvokeOptions.parse(List.of("get-item", "-e", event.toString()), Map.of("IMAGES_BUCKET", "x-1"));
        assertEquals(S3Options.started(), started.s3());
        assertEquals(List.of("IMAGES_BUCKET ignored: the started s3rver's bucket is user-images-local"), started.notes());
        InvokeOptions external = InvokeOptions.parse(List.of("get-item", "-e", event.toString(),
                "--s3-endpoint", "http://127.0.0.1:9000", "--images-bucket", "given"), Map.of());
        assertEquals(new S3Options(URI.create("http://127.0.0.1:9000"), "given"), external.s3());
        assertFalse(InvokeOptions.USAGE.isBlank());
        assertThrows(UsageException.class, () -> InvokeOptions.parse(List.of("get-item", "-e", event.toString(),
                "--s3-endpoint", "ftp://x"), Map.of()));
        assertTrue(InvokeOptions.USAGE.contains("--s3-endpoint URL") && InvokeOptions.USAGE.contains("--images-bucket NAME"));
        assertTrue(ServerOptions.USAGE.contains("--s3-endpoint URL") && ServerOptions.USAGE.contains("--images-bucket NAME"));
    }
}
