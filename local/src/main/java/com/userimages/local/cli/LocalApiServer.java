package com.userimages.local.cli;

import com.nimbusds.jose.jwk.RSAKey;
import com.userimages.contract.RouteScopes;
import com.userimages.contract.Setting;
import com.userimages.contract.Settings;
import com.userimages.engines.EngineCredentials;
import com.userimages.local.auth.DevelopmentIssuer;
import com.userimages.local.auth.JwksKeySource;
import com.userimages.local.auth.JwtAuthorizer;
import com.userimages.local.gateway.ApiGatewayEndpoint;
import com.userimages.local.gateway.ConsoleText;
import com.userimages.local.gateway.CorsEndpoint;
import com.userimages.local.gateway.CorsPolicy;
import com.userimages.local.gateway.DevelopmentIssuerEndpoint;
import com.userimages.local.gateway.DocsEndpoint;
import com.userimages.local.gateway.OpenApiDocument;
import com.userimages.local.gateway.FunctionIntegration;
import com.userimages.local.gateway.GatewayEndpoint;
import com.userimages.local.gateway.GatewayLimits;
import com.userimages.local.gateway.GatewayServer;
import com.userimages.local.gateway.LogFormat;
import com.userimages.local.gateway.RouteMatcher;
import com.userimages.local.engine.DynamoDbConnection;
import com.userimages.local.engine.S3Connection;
import com.userimages.local.engine.StartupException;
import com.userimages.local.runtime.DemoData;
import com.userimages.local.runtime.FunctionInvoker;
import com.userimages.local.runtime.FunctionSettings;
import com.userimages.local.runtime.HandlerRegistry;
import com.userimages.local.runtime.TableBootstrap;

import java.io.IOException;
import java.io.PrintStream;
import java.net.BindException;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The local API: API Gateway's routing and JWT authorizer in front of the real handler classes, on
 * 127.0.0.1, with dynalite and s3rver started as child processes unless told otherwise.
 *
 * <p>Each server hands its handlers its own settings, so servers in one JVM may use different DynamoDBs.
 */
public final class LocalApiServer implements AutoCloseable {
    private final GatewayServer http;
    private final DynamoDbConnection dynamoDb;
    private final S3Connection s3;
    private final JwtAuthorizer authorizer;
    private final DevelopmentIssuer developmentIssuer;
    private final String tableStatus;
    private final String demoStatus;
    private final CorsPolicy cors;
    private boolean closed;

    private LocalApiServer(GatewayServer http, DynamoDbConnection dynamoDb, S3Connection s3, JwtAuthorizer authorizer,
                           DevelopmentIssuer developmentIssuer, String tableStatus, String demoStatus, CorsPolicy cors) {
        this.http = http;
        this.dynamoDb = dynamoDb;
        this.s3 = s3;
        this.authorizer = authorizer;
        this.developmentIssuer = developmentIssuer;
        this.tableStatus = tableStatus;
        this.demoStatus = demoStatus;
        this.cors = cors;
    }

    /**
     * Binds the port first, so a taken port fails in milliseconds rather than after dynalite has
     * started; connections that arrive while the rest starts wait in the backlog and are then served.
     */
    public static LocalApiServer start(ServerOptions options, HandlerRegistry.Factory handlers, Map<String, String> env,
                                PrintStream log, Clock clock) throws StartupException {
        return start(options, GatewayLimits.DEFAULTS, handlers, env, log, clock);
    }

    /** @param limits the gateway's timeouts and connection cap (tests use short ones) */
    static LocalApiServer start(ServerOptions options, GatewayLimits limits, HandlerRegistry.Factory handlers, Map<String, String> env,
                                PrintStream log, Clock clock) throws StartupException {
        // The development key's primes take a few hundred ms of CPU: found on another core while the
        // port, the engines and the table come up, and awaited only to build the authorizer.
        BackgroundTask<RSAKey> developmentKey = options.developmentIssuer()
                ? BackgroundTask.start("development-key", DevelopmentIssuer::newKey) : null;
        // Node's start and dynalite's readiness take a few hundred ms of wall time, most of it in
        // another process: awaited only once the port is bound.
        EngineTasks engines = EngineTasks.startDynamoDb(options.dynamoDb(), options.s3(), env);
        // s3rver's bucket lets browsers in from this server's own pages, whose origins hold the port:
        // a given port is known now, so s3rver starts beside dynalite; --port 0 waits for the bind.
        if (options.port() != 0) engines.startS3(options.s3(), s3Origins(options.port(), options.cors()));
        GatewayServer http;
        try {
            http = GatewayServer.bind(options.port(), limits);
        } catch (IOException e) {
            engines.close();
            if (isBindFailure(e)) {
                throw new StartupException("port " + options.port() + " on 127.0.0.1 is already in use: stop what runs there,"
                        + " or start on another port with --port N (or PORT=N)", e);
            }
            throw new StartupException("cannot listen on 127.0.0.1:" + options.port() + ": " + e.getMessage(), e);
        }
        int port = http.port();
        if (options.port() == 0) engines.startS3(options.s3(), s3Origins(port, options.cors()));

        try {
            // The gateway and the functions read the same scope settings, so they cannot disagree on a route.
            Map<String, String> functionEnv = options.functionEnvironment(env);
            RouteScopes routeScopes = routeScopes(functionEnv);
            JwtAuthorizer authorizer = null;
            if (!options.developmentIssuer()) {
                JwksKeySource keys = options.jwksFile() != null
                        ? JwksKeySource.fromFile(options.jwksFile())
                        : JwksKeySource.fromUrl(options.jwksUrl(), clock, log);
                authorizer = new JwtAuthorizer(options.issuer(), options.audiences(), keys, clock, routeScopes);
            }

            DynamoDbConnection dynamoDb = engines.dynamoDb();
            S3Connection s3 = engines.s3();
            // Every setting a hosted function reads is checked before "Ready": a bad one stops the start.
            // In the JSON format the functions' request lines are the console's, one whole line each; in the
            // human format the gateway's short line says what a developer needs of them (status, code, time).
            Consumer<String> functionLines = options.logFormat() == LogFormat.JSON ? log::println : line -> { };
            var components = FunctionSettings.components(dynamoDb, s3, options.dynamoDb().dbPath(), functionEnv,
                    FunctionSettings.EVERY_FUNCTION, functionLines);
            FunctionInvoker invoker = new FunctionInvoker(new HandlerRegistry(handlers, components), log);
            String tableStatus = TableBootstrap.ensureTable(invoker);
            String demoStatus = options.seedDemo() ? DemoData.seed(invoker, DevelopmentIssuer.DEVELOPER) : null;
            DevelopmentIssuer developmentIssuer = null;
            if (developmentKey != null) {
                developmentIssuer = DevelopmentIssuer.create("http://127.0.0.1:" + port, developmentKey.await(), clock);
                authorizer = new JwtAuthorizer(developmentIssuer.issuer(), List.of(DevelopmentIssuer.AUDIENCE),
                        JwksKeySource.of(developmentIssuer.publicKeys()), clock, routeScopes);
            }

            List<GatewayEndpoint> endpoints = new ArrayList<>();
            if (developmentIssuer != null) endpoints.add(new DevelopmentIssuerEndpoint(developmentIssuer, routeScopes));
            endpoints.add(new DocsEndpoint(() -> OpenApiDocument.load(URI.create("http://127.0.0.1:" + port)), developmentIssuer, routeScopes,
                    Optional.of(s3.endpoint())));
            endpoints.add(new ApiGatewayEndpoint(RouteMatcher.forApi(), authorizer, integration(invoker), clock));
            http.start(options.cors() == null ? endpoints : List.of(new CorsEndpoint(options.cors(), endpoints)), options.allowedHosts(),
                    options.cors() != null, log, options.logFormat());
            return new LocalApiServer(http, dynamoDb, s3, authorizer, developmentIssuer, tableStatus, demoStatus, options.cors());
        } catch (StartupException e) {
            stop(http, engines);
            throw e;
        } catch (IOException | RuntimeException e) {
            stop(http, engines);
            throw new StartupException(e.getMessage() == null ? e.toString() : e.getMessage(), e);
        }
    }

    /**
     * The origins whose pages may PUT an upload to the started s3rver and GET it back: this server's
     * own (its docs page, by either loopback name it answers to from a browser) and those its CORS
     * answers, as the deployed bucket allows the stack's {@code corsAllowOrigins}.
     */
    static List<String> s3Origins(int port, CorsPolicy cors) {
        List<String> origins = new ArrayList<>(List.of("http://127.0.0.1:" + port, "http://localhost:" + port));
        if (cors != null) origins.addAll(cors.allowedOrigins());
        return origins.stream().distinct().toList();
    }

    /** The scope settings as the functions will read them; a malformed one stops the start in one line. */
    private static RouteScopes routeScopes(Map<String, String> functionEnv) throws StartupException {
        Settings settings = Settings.from(name -> Args.env(functionEnv, name));
        var problem = settings.problem(List.of(Setting.ADMIN_SCOPE, Setting.DATA_SCOPES));
        if (problem.isPresent()) throw new StartupException(ConsoleText.escape(problem.get(), 300));
        return RouteScopes.from(settings);
    }

    /** The gateway reaches the functions through the local Lambda runtime. */
    private static FunctionIntegration integration(FunctionInvoker invoker) {
        return (function, event) -> {
            FunctionInvoker.Invocation invocation = invoker.invoke(function, event);
            return invocation.failed() ? FunctionIntegration.Outcome.failed(String.valueOf(invocation.error()))
                    : FunctionIntegration.Outcome.of(invocation.response());
        };
    }

    private static boolean isBindFailure(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof BindException) return true;
        }
        return false;
    }

    /** Also when the start failed before the engines were awaited: they may still be coming up, and must not outlive us. */
    private static void stop(GatewayServer http, EngineTasks engines) {
        http.close();
        engines.close();
    }

    public int port() { return http.port(); }

    URI baseUri() { return URI.create("http://127.0.0.1:" + port()); }

    /** Null unless no JWKS was configured. */
    DevelopmentIssuer developmentIssuer() { return developmentIssuer; }

    JwtAuthorizer authorizer() { return authorizer; }

    String dynamoDbDescription() { return dynamoDb.description(); }

    /** The DynamoDB the functions use, for tests that inspect what they stored. */
    URI dynamoDbEndpoint() { return dynamoDb.endpoint(); }

    /** The run key the started engines let through, for tests that inspect what the functions stored; empty when none was started. */
    Optional<EngineCredentials> engineCredentials() { return dynamoDb.engineCredentials().or(s3::engineCredentials); }

    String s3Description() { return s3.description(); }

    /** The S3 the functions keep uploads in, for tests that inspect what they stored. */
    URI s3Endpoint() { return s3.endpoint(); }

    String imagesBucket() { return s3.bucket(); }

    /** The origins the started s3rver serves browsers from; empty for an external S3. */
    List<String> s3Origins() { return s3.origins(); }

    String tableStatus() { return tableStatus; }

    /** What --seed demo did, for the banner; null without it. */
    String demoStatus() { return demoStatus; }

    /** Null when CORS is off. */
    CorsPolicy cors() { return cors; }

    @Override
    public synchronized void close() {
        if (closed) return;
        closed = true;
        http.close();
        dynamoDb.close();
        s3.close();
    }
}
