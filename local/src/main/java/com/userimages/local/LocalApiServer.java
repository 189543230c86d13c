package com.userimages.local;

import com.sun.net.httpserver.HttpServer;
import com.userimages.local.auth.DevelopmentIssuer;
import com.userimages.local.auth.JwksKeySource;
import com.userimages.local.auth.JwtAuthorizer;
import com.userimages.local.gateway.RouteMatcher;

import java.io.IOException;
import java.io.PrintStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The local API: API Gateway's routing and JWT authorizer in front of the real handler classes, on
 * 127.0.0.1, with DynamoDB Local in the same process unless told otherwise.
 *
 * <p>The handlers read their settings once per JVM (static initialisers), so one JVM hosts one
 * configuration: a second server in the same JVM must use the same DynamoDB endpoint.
 */
final class LocalApiServer implements AutoCloseable {
    private final HttpServer http;
    private final ExecutorService executor;
    private final DynamoDbConnection dynamoDb;
    private final JwtAuthorizer authorizer;
    private final DevelopmentIssuer developmentIssuer;
    private final String tableStatus;
    private boolean closed;

    private LocalApiServer(HttpServer http, ExecutorService executor, DynamoDbConnection dynamoDb,
                           JwtAuthorizer authorizer, DevelopmentIssuer developmentIssuer, String tableStatus) {
        this.http = http;
        this.executor = executor;
        this.dynamoDb = dynamoDb;
        this.authorizer = authorizer;
        this.developmentIssuer = developmentIssuer;
        this.tableStatus = tableStatus;
    }

    /**
     * Binds the port first, so a taken port fails in milliseconds rather than after DynamoDB Local has
     * started; connections that arrive while the rest starts wait in the backlog and are then served.
     */
    static LocalApiServer start(ServerOptions options, HandlerRegistry handlers, Map<String, String> env,
                                PrintStream log, Clock clock) throws StartupException {
        HttpServer http;
        try {
            http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), options.port()), 0);
        } catch (BindException e) {
            throw new StartupException("port " + options.port() + " on 127.0.0.1 is already in use: stop what runs there,"
                    + " or start on another port with --port N (or PORT=N)", e);
        } catch (IOException e) {
            throw new StartupException("cannot listen on 127.0.0.1:" + options.port() + ": " + e.getMessage(), e);
        }
        int port = http.getAddress().getPort();

        DynamoDbConnection dynamoDb = null;
        try {
            DevelopmentIssuer developmentIssuer = null;
            JwtAuthorizer authorizer;
            if (options.developmentIssuer()) {
                developmentIssuer = DevelopmentIssuer.create("http://127.0.0.1:" + port, clock);
                authorizer = new JwtAuthorizer(developmentIssuer.issuer(), java.util.List.of(DevelopmentIssuer.AUDIENCE),
                        JwksKeySource.of(developmentIssuer.publicKeys()), clock);
            } else {
                JwksKeySource keys = options.jwksFile() != null
                        ? JwksKeySource.fromFile(options.jwksFile())
                        : JwksKeySource.fromUrl(options.jwksUrl(), clock, log);
                authorizer = new JwtAuthorizer(options.issuer(), options.audiences(), keys, clock);
            }

            dynamoDb = DynamoDbConnection.open(options.dynamoDb());
            FunctionSettings.apply(dynamoDb, options.dynamoDb().dbPath(), env);
            FunctionInvoker invoker = new FunctionInvoker(handlers, log);
            String tableStatus = TableBootstrap.ensureTable(invoker);

            ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
            http.createContext("/", new ApiGatewayHandler(RouteMatcher.forApi(), authorizer, developmentIssuer, invoker, log, clock));
            http.setExecutor(executor);
            http.start();
            return new LocalApiServer(http, executor, dynamoDb, authorizer, developmentIssuer, tableStatus);
        } catch (StartupException e) {
            stop(http, dynamoDb);
            throw e;
        } catch (IOException | RuntimeException e) {
            stop(http, dynamoDb);
            throw new StartupException(e.getMessage() == null ? e.toString() : e.getMessage(), e);
        }
    }

    private static void stop(HttpServer http, DynamoDbConnection dynamoDb) {
        http.stop(0);
        if (dynamoDb != null) dynamoDb.close();
    }

    int port() { return http.getAddress().getPort(); }

    URI baseUri() { return URI.create("http://127.0.0.1:" + port()); }

    /** Null unless no JWKS was configured. */
    DevelopmentIssuer developmentIssuer() { return developmentIssuer; }

    JwtAuthorizer authorizer() { return authorizer; }

    String dynamoDbDescription() { return dynamoDb.description(); }

    String tableStatus() { return tableStatus; }

    @Override
    public synchronized void close() {
        if (closed) return;
        closed = true;
        http.stop(0);
        executor.shutdownNow();
        dynamoDb.close();
    }
}
