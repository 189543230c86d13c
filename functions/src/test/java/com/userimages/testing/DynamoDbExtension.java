package com.userimages.testing;

import com.userimages.contract.Setting;
import com.userimages.contract.Settings;
import com.userimages.engines.Dynalite;
import com.userimages.engines.EngineCredentials;
import com.userimages.engines.S3rver;
import com.userimages.wiring.FunctionComponents;
import java.time.Duration;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * One DynamoDB engine per test JVM, with the table created: dynalite in memory, as a child process
 * that ends with the JVM, or — when {@link Engine#isAws()} — a real table in AWS. Tests get the
 * {@link Settings} that point at it and {@link FunctionComponents} built from them, and construct the
 * handlers with those: nothing global is set.
 */
public final class DynamoDbExtension implements BeforeAllCallback {
    /** The page-token secret the tests' list-page signs with. */
    public static final String PAGE_TOKEN_SECRET = "test-page-token-secret-0123456789abcdef";

    private static final Object LOCK = new Object();
    private static volatile FunctionComponents components;
    private static volatile EngineCredentials engineKey;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        ensureStarted();
    }

    /**
     * Starts the engine unless this JVM has one. Also called by tests of engines without Jupiter
     * extensions (jqwik), which may run after Jupiter's root context closed: so the engine lives
     * until the JVM exits, not until one test engine is done.
     */
    public static void ensureStarted() throws Exception {
        synchronized (LOCK) {
            if (components != null) return;
            // Every request line a test's handler writes is checked, and the secret must never be in one.
            TestLogs.install();
            TestLogs.forbid(PAGE_TOKEN_SECRET);
            TestLogs.forbid("0123456789abcdef");
            Settings settings = Settings.defaults().with(Setting.PAGE_TOKEN_SECRET, PAGE_TOKEN_SECRET);
            FunctionComponents.Builder builder;
            if (Engine.isAws()) {
                // The SDK's default credentials and region: whatever the pipeline step or the shell has.
                builder = FunctionComponents.builder(settings
                        .with(Setting.DYNAMODB_ENDPOINT, Engine.awsEndpoint())
                        .with(Setting.TABLE_NAME, Engine.awsTable()));
            } else {
                Dynalite engine = Dynalite.inMemory();
                Runtime.getRuntime().addShutdownHook(new Thread(engine::close, "dynalite-stop"));
                EngineCredentials key = engine.credentials();
                engineKey = key;
                // The engines' guards let through only requests signed with this run's key; the S3
                // engine starts with the same one, so the functions' one credentials provider serves both.
                S3rver s3 = ObjectStoreEngine.start(key);
                builder = FunctionComponents.builder(settings.with(Setting.DYNAMODB_ENDPOINT, engine.endpoint().toString())
                                .with(Setting.IMAGES_BUCKET, ObjectStoreEngine.BUCKET)
                                .with(Setting.S3_ENDPOINT, s3.endpoint().toString()))
                        .credentials(StaticCredentialsProvider.create(
                                AwsBasicCredentials.create(key.accessKeyId(), key.secretAccessKey())));
            }
            FunctionComponents built = builder.build();
            built.tableAdmin().ensureTable(Duration.ofSeconds(60));
            components = built;
        }
    }

    /** The components every test shares: one DynamoDB client, the settings below. */
    public static FunctionComponents components() {
        try {
            ensureStarted();
        } catch (Exception e) {
            throw new IllegalStateException("the tests' DynamoDB did not start: " + e.getMessage(), e);
        }
        return components;
    }

    /**
     * A builder over the shared settings and client, for a test that gives the handlers a
     * collaborator of its own (a service over a faulty client, other bounds, another log level).
     */
    public static FunctionComponents.Builder componentsBuilder() {
        return FunctionComponents.builder(settings()).dynamoDb(client()).credentials(credentialsProvider());
    }

    /** The settings pointing at this JVM's engine. */
    public static Settings settings() {
        return components().settings();
    }

    public static String tableName() {
        return settings().value(Setting.TABLE_NAME);
    }

    /**
     * The key pair dynalite's guard lets through, for a child process that talks to the same engine
     * (as AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY); not available when the suite runs on AWS.
     */
    public static EngineCredentials engineCredentials() {
        components();
        if (engineKey == null) throw new IllegalStateException("the suite runs on AWS: its credentials are the environment's");
        return engineKey;
    }

    /** Credentials for a client of the tests' own: the engine's key pair, or the SDK's default chain on AWS. */
    public static AwsCredentialsProvider credentialsProvider() {
        if (Engine.isAws()) return DefaultCredentialsProvider.builder().build();
        EngineCredentials key = engineCredentials();
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(key.accessKeyId(), key.secretAccessKey()));
    }

    /** The shared client, for tests that inspect stored items directly. */
    public static DynamoDbClient client() {
        return components().dynamoDb();
    }
}
