package com.userimages.local.cli;

import com.userimages.local.auth.DevelopmentIssuer;
import com.userimages.local.gateway.DevelopmentIssuerEndpoint;
import com.userimages.local.gateway.DocsEndpoint;
import com.userimages.local.engine.StartupException;
import com.userimages.local.runtime.HandlerRegistry;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code java -jar user-images-local.jar [options]} serves the API; {@code ... invoke FUNCTION -e
 * EVENT.json} runs one function once. Exit codes: 0 done (Ctrl-C included), 1 could not start or
 * the function failed, 2 a command line it cannot act on.
 */
public final class LocalCli {
    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;

    private LocalCli() {}

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("invoke")) {
            System.exit(invoke(Arrays.asList(args).subList(1, args.length), System.getenv(), System.out, System.err,
                    HandlerRegistry.DEPLOYED));
        }
        ServerOptions options;
        try {
            options = ServerOptions.parse(List.of(args), System.getenv());
        } catch (UsageException e) {
            System.err.println("error: " + e.getMessage());
            System.err.println("Run with --help for the options.");
            System.exit(USAGE);
            return;
        }
        if (options == null) {
            System.out.print(ServerOptions.USAGE);
            System.exit(OK);
        }
        // Installed before the start, so Ctrl-C while it starts is an ordinary exit too (what is not
        // running yet simply ends with the JVM).
        AtomicReference<LocalApiServer> running = new AtomicReference<>();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LocalApiServer server = running.get();
            if (server != null) {
                server.close();
                System.out.println("Stopped.");
            }
        }, "user-images-local-shutdown"));
        boolean ctrlCStops = exitZeroOnSignal("INT");
        exitZeroOnSignal("TERM");
        LocalApiServer server;
        try {
            server = LocalApiServer.start(options, HandlerRegistry.DEPLOYED, System.getenv(),
                    System.out, Clock.systemUTC());
        } catch (StartupException e) {
            System.err.println("error: " + e.getMessage());
            System.exit(FAILED);
            return;
        }
        running.set(server);
        options.notes().forEach(note -> System.out.println("note: " + note));
        System.out.print(banner(server, startupTime(), ctrlCStops));
        System.out.flush();
        try {
            new CountDownLatch(1).await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The {@code invoke} subcommand, callable in-process by tests. */
    static int invoke(List<String> args, Map<String, String> env, PrintStream out, PrintStream err,
                      HandlerRegistry.Factory handlers) {
        InvokeOptions options;
        try {
            options = InvokeOptions.parse(args, env);
        } catch (UsageException e) {
            err.println("error: " + e.getMessage());
            err.println("Run 'invoke --help' for the options.");
            return USAGE;
        }
        if (options == null) {
            out.print(InvokeOptions.USAGE);
            return OK;
        }
        return InvokeCommand.run(options, env, out, err, handlers);
    }

    /**
     * Ctrl-C is how this server is meant to be stopped, not a failure: exit 0 (the JVM's default for
     * SIGINT is 130). System.exit runs the shutdown hook, which stops the server and its engines.
     *
     * @return false when the signal was ignored when this process started: a shell starts a background
     *         job (and everything it starts, a build's test JVMs included) that way, and the JVM keeps
     *         such a signal ignored, silently, whatever handler is asked for
     */
    @SuppressWarnings("removal")
    private static boolean exitZeroOnSignal(String name) {
        try {
            sun.misc.SignalHandler previous = sun.misc.Signal.handle(new sun.misc.Signal(name), signal -> System.exit(OK));
            return previous != sun.misc.SignalHandler.SIG_IGN;
        } catch (IllegalArgumentException | UnsupportedOperationException unavailable) {
            // The platform does not know this signal; the JVM's default handling applies.
            return true;
        }
    }

    /**
     * The JVM's own uptime: the process start time that {@code ProcessHandle} reports is whole seconds
     * of boot time plus ticks on Linux, so it put the banner up to a second off.
     */
    private static Duration startupTime() {
        return Duration.ofMillis(ManagementFactory.getRuntimeMXBean().getUptime());
    }

    /** What a user needs to call the API right away: the URL, a token, and a curl line that works as printed. */
    static String banner(LocalApiServer server, Duration startupTime) {
        return banner(server, startupTime, true);
    }

    /** @param ctrlCStops false when SIGINT is ignored in this process, so the last line must not promise it */
    static String banner(LocalApiServer server, Duration startupTime, boolean ctrlCStops) {
        String base = server.baseUri().toString();
        StringBuilder out = new StringBuilder();
        out.append("user-images local API on ").append(base).append('\n');
        out.append("  DynamoDB: ").append(server.dynamoDbDescription()).append("; ").append(server.tableStatus()).append('\n');
        out.append("  S3:       ").append(server.s3Description()).append('\n');
        if (server.demoStatus() != null) out.append("  Demo:     ").append(server.demoStatus()).append('\n');
        DevelopmentIssuer issuer = server.developmentIssuer();
        if (issuer != null) {
            out.append("  Tokens:   development issuer ").append(issuer.issuer()).append(", audience ")
                    .append(DevelopmentIssuer.AUDIENCE).append(", keys at ").append(base).append(DevelopmentIssuerEndpoint.JWKS_PATH).append('\n');
        } else {
            out.append("  Tokens:   issuer ").append(server.authorizer().issuer()).append(", audience ")
                    .append(String.join(",", server.authorizer().audiences())).append('\n');
        }
        out.append("  Docs:     ").append(base).append(DocsEndpoint.DOCS_PATH).append(" (try every route in a browser), OpenAPI at ")
                .append(base).append(DocsEndpoint.OPENAPI_PATH).append('\n');
        if (server.cors() != null) {
            out.append("  CORS:     for ").append(String.join(", ", server.cors().allowedOrigins())).append('\n');
        }
        if (startupTime != null) {
            out.append(String.format(java.util.Locale.ROOT, "Ready %.1f s after the JVM started.%n", startupTime.toMillis() / 1000.0));
        }
        out.append('\n');
        String scope = server.authorizer().routeScopes().everyRouteScopeClaim();
        String token = issuer != null ? issuer.mint(DevelopmentIssuer.DEVELOPER, scope) : null;
        if (token != null) {
            out.append("Token for sub ").append(DevelopmentIssuer.DEVELOPER).append(", scope ").append(scope).append(", valid 1 hour:\n");
            out.append(token).append("\n\n");
        }
        out.append("Create a collection:\n");
        out.append(curlLine(base, token)).append("\n\n");
        if (issuer != null) {
            out.append("Another token:\n");
            out.append("curl -sS -X POST ").append(base).append(DevelopmentIssuerEndpoint.TOKEN_PATH)
                    .append(" -H 'Content-Type: application/json' -d '{\"sub\":\"bob\"}'\n\n");
        }
        out.append(ctrlCStops ? "Ctrl-C stops the server.\n"
                : "Ctrl-C cannot stop this server: it was started with SIGINT ignored (as a shell starts a background job);"
                        + " stop it with kill " + ProcessHandle.current().pid() + ".\n");
        return out.toString();
    }

    /** With the development issuer the token is in the line; otherwise the user's own token is read from $TOKEN. */
    static String curlLine(String base, String token) {
        String authorization = token != null ? "'Authorization: Bearer " + token + "'" : "\"Authorization: Bearer $TOKEN\"";
        return "curl -sS -X POST " + base + "/collections -H " + authorization
                + " -H 'Content-Type: application/json' -d '{\"images\":[{\"url\":\"https://example.com/cat.jpg\"}]}'";
    }
}
