package com.userimages.local.engine;

import com.userimages.engines.Dynalite;
import com.userimages.engines.EngineCredentials;
import com.userimages.engines.EngineStartException;

import java.net.URI;
import java.nio.file.Path;

/** The DynamoDB the hosted functions use: dynalite started for this run (stopped on close) or an external endpoint. */
public final class DynamoDbConnection extends EngineConnection {
    /** Under {@code --db-path}: dynalite's LevelDB gets a folder of its own beside the page-token secret. */
    static final String DYNALITE_DIR = "dynalite";

    private DynamoDbConnection(Dynalite engine, URI endpoint) {
        super(engine, endpoint);
    }

    /** @param runKey the key the started dynalite lets through (see {@link RunKey}); unused for an external endpoint */
    public static DynamoDbConnection open(DynamoDbOptions options, EngineCredentials runKey) throws StartupException {
        if (!options.embedded()) return new DynamoDbConnection(null, options.endpoint());
        Path dbPath = options.dbPath();
        try {
            return new DynamoDbConnection(dbPath == null ? Dynalite.inMemory(runKey) : Dynalite.onDisk(dbPath.resolve(DYNALITE_DIR), runKey),
                    null);
        } catch (EngineStartException e) {
            throw StartupException.ofEngine(e, dbPath);
        }
    }

    @Override
    String externalDescription() {
        return "DynamoDB at " + endpoint();
    }
}
