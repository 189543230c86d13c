package com.userimages.local.engine;

import com.userimages.engines.Dynalite;
import com.userimages.engines.EngineCredentials;
import com.userimages.engines.EngineStartException;

import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;

/** The DynamoDB the hosted functions use: dynalite started for this run (stopped on close) or an external endpoint. */
public final class DynamoDbConnection implements EngineConnection {
    /** Under {@code --db-path}: dynalite's LevelDB gets a folder of its own beside the page-token secret. */
    static final String DYNALITE_DIR = "dynalite";

    private final Dynalite engine;
    private final URI endpoint;

    private DynamoDbConnection(Dynalite engine, URI endpoint) {
        this.engine = engine;
        this.endpoint = endpoint;
    }

    /** @param runKey the key the started dynalite lets through (see {@link RunKey}); unused for an external endpoint */
    public static DynamoDbConnection open(DynamoDbOptions options, EngineCredentials runKey) throws StartupException {
        if (!options.embedded()) return new DynamoDbConnection(null, options.endpoint());
        Path dbPath = options.dbPath();
        try {
            Dynalite engine = dbPath == null ? Dynalite.inMemory(runKey) : Dynalite.onDisk(dbPath.resolve(DYNALITE_DIR), runKey);
            return new DynamoDbConnection(engine, engine.endpoint());
        } catch (EngineStartException e) {
            throw StartupException.ofEngine(e, dbPath);
        }
    }

    @Override
    public URI endpoint() { return endpoint; }

    @Override
    public boolean embedded() { return engine != null; }

    @Override
    public Optional<EngineCredentials> engineCredentials() {
        return engine == null ? Optional.empty() : Optional.of(engine.credentials());
    }

    @Override
    public String description() {
        return engine != null ? engine.description() : "DynamoDB at " + endpoint;
    }

    @Override
    public void close() {
        if (engine != null) engine.close();
    }
}
