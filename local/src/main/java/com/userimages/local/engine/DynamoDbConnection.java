package com.userimages.local.engine;

import com.userimages.engines.Dynalite;
import com.userimages.engines.EngineCredentials;
import com.userimages.engines.EngineStartException;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.Optional;

/** The DynamoDB the hosted functions use: dynalite started for this run (stopped on close) or an external endpoint. */
public final class DynamoDbConnection implements AutoCloseable {
    /** Under {@code --db-path}: dynalite's LevelDB gets a folder of its own beside the page-token secret. */
    static final String DYNALITE_DIR = "dynalite";

    private final Dynalite engine;
    private final URI endpoint;

    private DynamoDbConnection(Dynalite engine, URI endpoint) {
        this.engine = engine;
        this.endpoint = endpoint;
    }

    public static DynamoDbConnection open(DynamoDbOptions options) throws StartupException {
        if (!options.embedded()) return new DynamoDbConnection(null, options.endpoint());
        Path dbPath = options.dbPath();
        try {
            Dynalite engine = dbPath == null ? Dynalite.inMemory() : Dynalite.onDisk(dbPath.resolve(DYNALITE_DIR));
            return new DynamoDbConnection(engine, engine.endpoint());
        } catch (EngineStartException e) {
            throw new StartupException(dbPath != null && e.getMessage().contains("is in use by another server")
                    ? "--db-path " + dbPath + " is in use by another server: stop it, or give another --db-path"
                    : e.getMessage());
        }
    }

    public URI endpoint() { return endpoint; }

    public boolean embedded() { return engine != null; }

    /** The key pair the started engine's guard lets through; empty for an external endpoint. */
    public Optional<EngineCredentials> engineCredentials() {
        return engine == null ? Optional.empty() : Optional.of(engine.credentials());
    }

    /**
     * True for an endpoint on this machine (an engine the user runs): such engines accept any
     * credentials, so dummy ones can stand in when none are configured.
     */
    public boolean loopback() {
        if (engine != null) return true;
        try {
            return InetAddress.getByName(endpoint.getHost()).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    public String description() {
        return engine != null ? engine.description() : "DynamoDB at " + endpoint;
    }

    @Override
    public void close() {
        if (engine != null) engine.close();
    }
}
