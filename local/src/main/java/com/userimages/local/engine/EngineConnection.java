package com.userimages.local.engine;

import com.userimages.engines.Engine;
import com.userimages.engines.EngineCredentials;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Optional;

/** One service the hosted functions use (DynamoDB, S3): an engine started for this run (stopped on close) or an external endpoint. */
public abstract sealed class EngineConnection implements AutoCloseable permits DynamoDbConnection, S3Connection {
    private final Engine engine;
    private final URI endpoint;

    /** @param engine the started engine, or null for the external {@code endpoint} */
    EngineConnection(Engine engine, URI endpoint) {
        this.engine = engine;
        this.endpoint = engine != null ? engine.endpoint() : endpoint;
    }

    public final URI endpoint() { return endpoint; }

    /** True when this run started the engine. */
    public final boolean embedded() { return engine != null; }

    /** The key pair the started engine's guard lets through (the run key); empty for an external endpoint. */
    public final Optional<EngineCredentials> engineCredentials() {
        return engine == null ? Optional.empty() : Optional.of(engine.credentials());
    }

    /** Human-readable, for the start-up banner. */
    public final String description() {
        return engine != null ? engine.description() : externalDescription();
    }

    /** What the banner says of the external endpoint. */
    abstract String externalDescription();

    /**
     * True for an endpoint on this machine (an engine the user runs): such engines accept any
     * credentials, so dummy ones can stand in when none are configured.
     */
    public final boolean loopback() {
        return embedded() || onThisMachine(endpoint);
    }

    /** Stops a started engine; nothing for an external endpoint. */
    @Override
    public final void close() {
        if (engine != null) engine.close();
    }

    static boolean onThisMachine(URI endpoint) {
        try {
            return InetAddress.getByName(endpoint.getHost()).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
