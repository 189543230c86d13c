package com.userimages.local;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;

/**
 * Which DynamoDB the functions talk to: an external endpoint, or dynalite started for this run,
 * in memory or kept on disk. Shared by the server and {@code invoke} so both read the same options.
 *
 * @param endpoint an external DynamoDB (another engine, or AWS), or null for the started dynalite
 * @param dbPath   the started engine's directory, or null for in memory
 */
record DynamoDbOptions(URI endpoint, Path dbPath) {
    static final String ENDPOINT = "--dynamodb-endpoint";
    static final String DB_PATH = "--db-path";
    static final String ENDPOINT_ENV = "DYNAMODB_ENDPOINT";

    static DynamoDbOptions from(Args args, Map<String, String> env) throws UsageException {
        String endpointFlag = args.get(ENDPOINT);
        String dbPath = args.get(DB_PATH);
        if (endpointFlag != null && dbPath != null) {
            throw new UsageException(DB_PATH + " keeps the started dynalite on disk; " + ENDPOINT
                    + " uses another DynamoDB: give one of them");
        }
        if (dbPath != null) {
            // An explicit flag is the more specific wish than a variable left in the shell.
            return new DynamoDbOptions(null, Args.path(dbPath));
        }
        if (endpointFlag != null) {
            return new DynamoDbOptions(Args.httpUri(endpointFlag, ENDPOINT), null);
        }
        String endpointEnv = Args.env(env, ENDPOINT_ENV);
        if (endpointEnv != null) {
            return new DynamoDbOptions(Args.httpUri(endpointEnv, ENDPOINT_ENV), null);
        }
        return new DynamoDbOptions(null, null);
    }

    boolean embedded() { return endpoint == null; }
}
