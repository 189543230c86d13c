package com.userimages.testing;

import com.amazonaws.services.dynamodbv2.local.main.ServerRunner;
import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;
import com.userimages.core.Components;
import com.userimages.contract.Setting;
import com.userimages.core.data.TableAdmin;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * One Amazon DynamoDB Local per test JVM, in-process and in memory, with the table created. It sets
 * the functions' settings as system properties before any handler class loads, so the handlers'
 * own static wiring talks to it. Stopped when the test JVM exits.
 */
public final class DynamoDbLocalExtension implements BeforeAllCallback {
    private static final Object LOCK = new Object();
    private static volatile boolean started;

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
            if (started) return;
            DynamoDBProxyServer server = start();
            started = true;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    server.stop();
                } catch (Exception ignored) {
                    // The JVM is exiting; the in-memory database goes with it either way.
                }
            }, "dynamodb-local-stop"));
        }
    }

    private static DynamoDBProxyServer start() throws Exception {
        int port = freePort();
        DynamoDBProxyServer server = ServerRunner.createServerFromCommandLineArgs(
                new String[] {"-inMemory", "-disableTelemetry", "-port", Integer.toString(port)});
        server.start();
        System.setProperty(Setting.DYNAMODB_ENDPOINT.name(), "http://127.0.0.1:" + port);
        System.setProperty(Setting.AWS_REGION.name(), "us-east-1");
        System.setProperty("aws.accessKeyId", "local");
        System.setProperty("aws.secretAccessKey", "local");
        System.setProperty(Setting.PAGE_TOKEN_SECRET.name(), "test-page-token-secret-0123456789abcdef");
        TestLogs.forbid("test-page-token-secret-0123456789abcdef");
        TestLogs.forbid("0123456789abcdef");
        new TableAdmin(Components.dynamoDb(), Setting.TABLE_NAME.value()).ensureTable(Duration.ofSeconds(20));
        return server;
    }

    /** The shared client, for tests that inspect stored items directly. */
    public static DynamoDbClient client() {
        return Components.dynamoDb();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
