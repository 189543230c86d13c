package com.userimages.local.cli;

import com.userimages.local.engine.DynamoDbOptions;

import java.util.Map;

/** The server's and {@code invoke}'s DynamoDB options, read from the same flags and variable by both. */
final class DynamoDbFlags {
    static final String ENDPOINT = "--dynamodb-endpoint";
    static final String DB_PATH = "--db-path";
    static final String ENDPOINT_ENV = "DYNAMODB_ENDPOINT";

    private DynamoDbFlags() {}

    static DynamoDbOptions parse(Args args, Map<String, String> env) throws UsageException {
        String endpointFlag = args.get(ENDPOINT);
        String dbPath = args.get(DB_PATH);
        if (endpointFlag != null && dbPath != null) {
            throw new UsageException(DB_PATH + " keeps the started engines on disk; " + ENDPOINT
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
}
