package com.userimages.local.cli;

import com.userimages.contract.Scopes;
import com.userimages.local.gateway.GatewayLimits;
import com.userimages.local.runtime.HandlerRegistry;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A {@link LocalApiServer} started in the test's JVM on a free port, its console captured. */
final class InProcessServer implements AutoCloseable {
    final LocalApiServer server;
    private final ByteArrayOutputStream console;

    private InProcessServer(LocalApiServer server, ByteArrayOutputStream console) {
        this.server = server;
        this.console = console;
    }

    /** @param args server options; "--port 0" is added so no test ever takes a fixed port */
    static InProcessServer start(HandlerRegistry.Factory handlers, String... args) throws Exception {
        return start(GatewayLimits.DEFAULTS, handlers, args);
    }

    /** @param limits the gateway's timeouts and connection cap, short ones for tests of stuck clients */
    static InProcessServer start(GatewayLimits limits, HandlerRegistry.Factory handlers, String... args) throws Exception {
        List<String> argv = new ArrayList<>(List.of(args));
        argv.addAll(List.of("--port", "0"));
        ServerOptions options = ServerOptions.parse(argv, Map.of());
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        PrintStream log = new PrintStream(new TeeStream(console), true, StandardCharsets.UTF_8);
        return new InProcessServer(LocalApiServer.start(options, limits, handlers, Map.of(), log, Clock.systemUTC()), console);
    }

    /** The real handlers: every reply through {@link Http} is then held to openapi.yaml. */
    static InProcessServer startWithRealHandlers(String... args) throws Exception {
        InProcessServer server = start(HandlerRegistry.DEPLOYED, args);
        Http.holdToTheContract(server.base());
        return server;
    }

    URI base() { return server.baseUri(); }

    String console() { return console.toString(StandardCharsets.UTF_8); }

    /** A development-issuer token; a null or blank scope is a user's ({@code images/user}), as {@code POST /local/token} gives. */
    String token(String sub, String scope) {
        return server.developmentIssuer().mint(sub, scope == null || scope.isBlank() ? Scopes.USER : scope);
    }

    /** A development-issuer token without any scope claim, as an ID token is. */
    String tokenWithoutScope(String sub) {
        return server.developmentIssuer().mint(sub, null);
    }

    @Override
    public void close() {
        server.close();
    }

    /** Keeps the console for assertions and still shows it in the test report when a test fails. */
    private static final class TeeStream extends OutputStream {
        private final ByteArrayOutputStream copy;

        TeeStream(ByteArrayOutputStream copy) { this.copy = copy; }

        @Override public synchronized void write(int b) { copy.write(b); System.out.write(b); }

        @Override public synchronized void write(byte[] b, int off, int len) { copy.write(b, off, len); System.out.write(b, off, len); }
    }
}
