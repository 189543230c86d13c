package com.userimages.local;

import com.amazonaws.services.dynamodbv2.local.main.ServerRunner;
import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;

import org.eclipse.jetty.server.AbstractNetworkConnector;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.Field;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Amazon DynamoDB Local running inside this JVM on a free loopback port: no Docker, no second
 * process to clean up. In memory, or kept on disk in a directory so a restart finds its data.
 */
final class EmbeddedDynamoDb implements AutoCloseable {
    private static final int START_ATTEMPTS = 3;

    private final DynamoDBProxyServer server;
    private final int port;
    private final Path dbPath;
    private final boolean loopbackOnly;

    private EmbeddedDynamoDb(DynamoDBProxyServer server, int port, Path dbPath, boolean loopbackOnly) {
        this.server = server;
        this.port = port;
        this.dbPath = dbPath;
        this.loopbackOnly = loopbackOnly;
    }

    /** @param dbPath directory to keep the data in (created if missing), or null for in memory */
    static EmbeddedDynamoDb start(Path dbPath) throws IOException {
        if (dbPath != null) Files.createDirectories(dbPath);
        IOException last = null;
        // The free port is found by binding and releasing it, so another process can take it in
        // between; a retry on a new port makes that race harmless.
        for (int attempt = 0; attempt < START_ATTEMPTS; attempt++) {
            int port = freeLoopbackPort();
            String[] args = dbPath == null
                    ? new String[] {"-inMemory", "-sharedDb", "-disableTelemetry", "-port", Integer.toString(port)}
                    // -sharedDb: one data file whatever credentials or region a client signs with, so a
                    // restart with other AWS settings still finds the data.
                    : new String[] {"-dbPath", dbPath.toString(), "-sharedDb", "-disableTelemetry", "-port", Integer.toString(port)};
            ByteArrayOutputStream banner = new ByteArrayOutputStream();
            PrintStream stdout = System.out;
            DynamoDBProxyServer server = null;
            try {
                // DynamoDB Local prints its configuration on stdout; keep it out of the server's banner
                // and out of invoke's JSON output, but show it if the start fails.
                System.setOut(new PrintStream(banner, true, StandardCharsets.UTF_8));
                server = ServerRunner.createServerFromCommandLineArgs(args);
                boolean loopbackOnly = bindToLoopback(server);
                server.start();
                return new EmbeddedDynamoDb(server, port, dbPath, loopbackOnly);
            } catch (Exception e) {
                stopQuietly(server);
                last = new IOException("DynamoDB Local did not start on port " + port + ": " + e.getMessage()
                        + (banner.size() > 0 ? "\n" + banner.toString(StandardCharsets.UTF_8) : ""), e);
            } finally {
                System.setOut(stdout);
            }
        }
        throw last;
    }

    /**
     * DynamoDB Local has no option for the listen address and binds all interfaces, while accepting any
     * credentials: on a laptop in a café that would publish the data to the network. Its Jetty server is
     * reachable (a private field) before it starts, so its connector is pointed at 127.0.0.1 here.
     *
     * @return false when this DynamoDB Local version is built differently; it then listens everywhere
     */
    private static boolean bindToLoopback(DynamoDBProxyServer proxy) {
        try {
            Field field = DynamoDBProxyServer.class.getDeclaredField("server");
            field.setAccessible(true);
            Server jetty = (Server) field.get(proxy);
            boolean bound = false;
            for (Connector connector : jetty.getConnectors()) {
                if (connector instanceof AbstractNetworkConnector network) {
                    network.setHost(InetAddress.getLoopbackAddress().getHostAddress());
                    bound = true;
                }
            }
            return bound;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return false;
        }
    }

    URI endpoint() { return URI.create("http://127.0.0.1:" + port); }

    boolean loopbackOnly() { return loopbackOnly; }

    /** Human-readable, for the start-up banner. */
    String description() {
        return (dbPath == null ? "DynamoDB Local in this process, in memory" : "DynamoDB Local in this process, data in " + dbPath)
                + (loopbackOnly ? "" : " (listening on all interfaces)");
    }

    @Override
    public void close() {
        stopQuietly(server);
    }

    private static void stopQuietly(DynamoDBProxyServer server) {
        if (server == null) return;
        try {
            server.stop();
        } catch (Exception ignored) {
            // Stopping happens on the way out; there is nothing better to do with a failure here.
        }
    }

    static int freeLoopbackPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
