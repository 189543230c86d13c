package com.userimages.local.cli;

import com.userimages.local.gateway.GatewayLimits;
import com.userimages.local.runtime.EchoHandler;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.net.URI;

/**
 * One {@link InProcessServer} for a test class, as a {@code @RegisterExtension static} field:
 * started before the class's first test, closed after its last. A {@code @Nested} class inherits the
 * extension and uses the same server; only the class that started it closes it.
 */
final class InProcessServerExtension implements BeforeAllCallback, AfterAllCallback {
    @FunctionalInterface
    interface Starter {
        InProcessServer start() throws Exception;
    }

    private final Starter starter;
    private InProcessServer local;
    private String startedBy;

    private InProcessServerExtension(Starter starter) {
        this.starter = starter;
    }

    /** The real handlers, replies held to openapi.yaml: {@link InProcessServer#startWithRealHandlers}. */
    static InProcessServerExtension withRealHandlers(String... args) {
        return new InProcessServerExtension(() -> InProcessServer.startWithRealHandlers(args));
    }

    /**
     * Every function the test's {@link EchoHandler}; no DynamoDB or S3 is needed, so the endpoints are ones never called.
     *
     * @param args more server options
     */
    static InProcessServerExtension withEchoHandlers(GatewayLimits limits, String... args) {
        String[] all = java.util.stream.Stream.concat(java.util.stream.Stream.of("--dynamodb-endpoint", "http://127.0.0.1:9",
                "--s3-endpoint", "http://127.0.0.1:9", "--images-bucket", "never-called"),
                java.util.Arrays.stream(args)).toArray(String[]::new);
        return new InProcessServerExtension(() -> InProcessServer.start(limits, (f, components) -> new EchoHandler(), all));
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        if (local != null) return;
        local = starter.start();
        startedBy = context.getUniqueId();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (local == null || !context.getUniqueId().equals(startedBy)) return;
        local.close();
        local = null;
    }

    URI base() { return running().base(); }

    String console() { return running().console(); }

    /** A development-issuer token. */
    String token(String sub, String scope) { return running().token(sub, scope); }

    String tokenWithoutScope(String sub) { return running().tokenWithoutScope(sub); }

    LocalApiServer server() { return running().server; }

    private InProcessServer running() {
        if (local == null) throw new IllegalStateException("the server runs only between the test class's @BeforeAll and @AfterAll");
        return local;
    }
}
