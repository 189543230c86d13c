package com.userimages.local.engine;

import com.userimages.engines.EngineCredentials;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One key for the run's engines and the functions' two clients, whichever of the engines the run starts. */
class RunKeyTest {
    private static final DynamoDbOptions DYNALITE = new DynamoDbOptions(null, null);
    private static final S3Options S3RVER = S3Options.started();
    private static final EngineCredentials GIVEN = new EngineCredentials("LOCALGIVENKEY0123456", "given-secret");
    private static final Map<String, String> GIVEN_ENV = Map.of("AWS_ACCESS_KEY_ID", GIVEN.accessKeyId(),
            "AWS_SECRET_ACCESS_KEY", GIVEN.secretAccessKey());

    @Test
    void bothStartedGetAFreshKeyEveryRunWhateverTheEnvironmentSays() throws Exception {
        EngineCredentials first = RunKey.choose(DYNALITE, S3RVER, GIVEN_ENV);
        EngineCredentials second = RunKey.choose(DYNALITE, S3RVER, GIVEN_ENV);
        assertNotEquals(GIVEN, first, "the developer's keys never reach engines the run started alone");
        assertNotEquals(first, second);
    }

    @Test
    void besideAnExternalEngineItsKeyFromTheEnvironmentIsTheRunKey() throws Exception {
        S3Options externalS3 = new S3Options(URI.create("http://127.0.0.1:9000"), "b-1");
        assertEquals(GIVEN, RunKey.choose(DYNALITE, externalS3, GIVEN_ENV));
        DynamoDbOptions externalDynamoDb = new DynamoDbOptions(URI.create("http://localhost:8000"), null);
        assertEquals(GIVEN, RunKey.choose(externalDynamoDb, S3RVER, GIVEN_ENV));
        assertNotEquals(GIVEN, RunKey.choose(externalDynamoDb, S3RVER, Map.of("AWS_ACCESS_KEY_ID", GIVEN.accessKeyId())),
                "a key id without its secret is no key");
    }

    @Test
    void besideAnExternalEngineOnThisMachineWithoutKeysTheFreshKeyGoesToBoth() throws Exception {
        EngineCredentials key = RunKey.choose(DYNALITE, new S3Options(URI.create("http://127.0.0.1:9000"), "b-1"), Map.of());
        assertTrue(key.accessKeyId().startsWith("LOCAL"), key.toString());
    }

    @Test
    void besideAnEndpointElsewhereWithoutKeysTheStartStopsInOneLine() {
        StartupException e = assertThrows(StartupException.class, () -> RunKey.choose(DYNALITE,
                new S3Options(URI.create("https://s3.eu-west-1.amazonaws.com"), "b-1"), Map.of()));
        assertEquals("the started dynalite and https://s3.eu-west-1.amazonaws.com are signed for with one key: set AWS_ACCESS_KEY_ID"
                + " and AWS_SECRET_ACCESS_KEY (dynalite then lets that key through too), or give both endpoints", e.getMessage());
    }

    @Test
    void aKeyTheGuardCannotTakeIsOneLineThatNeverRepeatsIt() {
        StartupException e = assertThrows(StartupException.class, () -> RunKey.choose(new DynamoDbOptions(URI.create("http://127.0.0.1:8000"), null),
                S3RVER, Map.of("AWS_ACCESS_KEY_ID", "local", "AWS_SECRET_ACCESS_KEY", "s3cr3t")));
        assertTrue(e.getMessage().startsWith("AWS_ACCESS_KEY_ID is also the key of the started s3rver, whose guard needs 16 to 128"), e.getMessage());
        assertFalse(e.getMessage().contains("local,") || e.getMessage().contains("s3cr3t"), e.getMessage());
    }
}
