package com.userimages.testing;

import com.amazonaws.services.dynamodbv2.local.main.ServerRunner;
import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;
import com.userimages.contract.Setting;
import com.userimages.contract.Settings;
import com.userimages.handlers.FunctionComponents;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * One Amazon DynamoDB Local per test JVM, in-process and in memory, with the table created. Tests
 * get the {@link Settings} that point at it and {@link FunctionComponents} built from them, and
 * construct the handlers with those: nothing global is set. Stopped when the test JVM exits.
 */
public final class DynamoDbLocalExtension implements BeforeAllCallback {
    /** The page-token secret the tests' list-page signs with. */
    public static final String PAGE_TOKEN_SECRET = "test-page-token-secret-0123456789abcdef";

    private static final Object LOCK = new Object();
    private static volatile FunctionComponents components;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        ensureStarted();
    }

    /**
     * Starts the server unless this JVM has one. Also called by tests of engines without Jupiter
     * extensions (jqwik), which may run after Jupiter's root context closed: so the server lives
     * until the JVM exits, not until one engine is done.
     */
    public static void ensureStarted() throws Exception {
        synchronized (LOCK) {
            if (components != null) return;
            // Every request line a test's handler writes is checked, and the secret must never be in one.
            TestLogs.install();
            TestLogs.forbid(PAGE_TOKEN_SECRET);
            TestLogs.forbid("0123456789abcdef");
            int port = freePort();
            DynamoDBProxyServer server = ServerRunner.createServerFromCommandLineArgs(
                    new String[] {"-inMemory", "-disableTelemetry", "-port", Integer.toString(port)});
            server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    server.stop();
                } catch (Exception ignored) {
                    // The JVM is exiting; the in-memory database goes with it either way.
                }
            }, "dynamodb-local-stop"));
            Settings settings = Settings.defaults()
                    .with(Setting.DYNAMODB_ENDPOINT, "http://127.0.0.1:" + port)
                    .with(Setting.PAGE_TOKEN_SECRET, PAGE_TOKEN_SECRET);
            // DynamoDB Local accepts any credentials; explicit ones keep a developer's real keys out of it.
            FunctionComponents built = FunctionComponents.builder(settings)
                    .credentials(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                    .build();
            built.tableAdmin().ensureTable(Duration.ofSeconds(20));
            components = built;
        }
    }

    /** The components every test shares: one DynamoDB client, the settings below. */
    public static FunctionComponents components() {
        try {
            ensureStarted();
        } catch (Exception e) {
            throw new IllegalStateException("DynamoDB Local did not start", e);
        }
        return components;
    }

    /** The settings pointing at this JVM's DynamoDB Local. */
    public static Settings settings() {
        return components().settings();
    }

    public static String tableName() {
        return settings().value(Setting.TABLE_NAME);
    }

    /** The shared client, for tests that inspect stored items directly. */
    public static DynamoDbClient client() {
        return components().dynamoDb();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
