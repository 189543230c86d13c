package com.userimages.local.engine;

import com.userimages.engines.EngineCredentials;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The S3 the functions use: an external endpoint as given, or s3rver started with the run key, in DIR/s3 under --db-path. */
class S3ConnectionTest {
    @Test
    void anExternalEndpointStartsNothingAndSaysWhereItIs() throws Exception {
        try (S3Connection external = S3Connection.open(new S3Options(URI.create("http://localhost:9000"), "given"), null, List.of(),
                EngineCredentials.random())) {
            assertFalse(external.embedded());
            assertEquals(Optional.empty(), external.engineCredentials());
            assertEquals("S3 at http://localhost:9000, bucket given", external.description());
            assertEquals("given", external.bucket());
            assertEquals(List.of(), external.origins());
            assertTrue(external.loopback());
        }
        S3Connection remote = S3Connection.open(new S3Options(URI.create("https://s3.eu-west-1.amazonaws.com"), "b-1"), null, List.of(),
                EngineCredentials.random());
        assertFalse(remote.loopback());
    }

    @Test
    void theStartedS3rverKeepsItsObjectsInItsOwnFolderAndTakesTheRunKey(@TempDir Path db) throws Exception {
        EngineCredentials runKey = EngineCredentials.random();
        try (S3Connection started = S3Connection.open(S3Options.started(), db, List.of("http://127.0.0.1:3000"), runKey)) {
            assertTrue(started.embedded());
            assertEquals(Optional.of(runKey), started.engineCredentials());
            assertEquals("s3rver, bucket user-images-local, data in " + db.resolve("s3"), started.description());
            assertTrue(Files.isDirectory(db.resolve("s3").resolve("user-images-local")));
            assertEquals(List.of("http://127.0.0.1:3000"), started.origins());

            StartupException refused = assertThrows(StartupException.class,
                    () -> S3Connection.open(S3Options.started(), db, List.of(), EngineCredentials.random()));
            assertEquals("--db-path " + db + " is in use by another server: stop it, or give another --db-path", refused.getMessage(),
                    "the same line as dynalite's");
        }
    }
}
