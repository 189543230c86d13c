package com.userimages.local.engine;

import com.userimages.engines.EngineCredentials;
import com.userimages.engines.EngineStartException;
import com.userimages.engines.S3rver;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;

/** The S3 the hosted functions keep uploads in: s3rver started for this run (stopped on close) or an external endpoint. */
public final class S3Connection extends EngineConnection {
    /** Under {@code --db-path}: s3rver's objects get a folder of their own beside dynalite's. */
    static final String S3RVER_DIR = "s3";

    private final S3rver engine;
    private final String bucket;

    private S3Connection(S3rver engine, URI endpoint, String bucket) {
        super(engine, endpoint);
        this.engine = engine;
        this.bucket = bucket;
    }

    /**
     * @param dbPath  where the started engines keep their data, or null for a temporary directory removed at stop
     * @param origins the browser origins whose presigned PUTs and GETs s3rver serves (its bucket's CORS rule)
     * @param runKey  the key the started s3rver lets through (see {@link RunKey}); unused for an external endpoint
     */
    public static S3Connection open(S3Options options, Path dbPath, List<String> origins, EngineCredentials runKey)
            throws StartupException {
        if (!options.embedded()) return new S3Connection(null, options.endpoint(), options.bucket());
        try {
            S3rver engine = dbPath == null ? S3rver.temporary(options.bucket(), origins, runKey)
                    : S3rver.onDisk(dbPath.resolve(S3RVER_DIR), options.bucket(), origins, runKey);
            return new S3Connection(engine, null, engine.bucket());
        } catch (EngineStartException e) {
            throw StartupException.ofEngine(e, dbPath);
        }
    }

    /** The bucket the functions use: s3rver's, created at its start, or the one named for the external S3. */
    public String bucket() { return bucket; }

    /** The origins the started s3rver lets browsers come from; empty for an external S3, whose CORS is its owner's. */
    public List<String> origins() { return engine == null ? List.of() : engine.origins(); }

    @Override
    String externalDescription() {
        return "S3 at " + endpoint() + ", bucket " + bucket;
    }
}
