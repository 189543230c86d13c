package com.userimages.local.engine;

import java.net.URI;
import java.nio.file.Path;

/**
 * Which DynamoDB the functions talk to: an external endpoint, or dynalite started for this run,
 * in memory or kept on disk. Shared by the server and {@code invoke} so both read the same options.
 *
 * @param endpoint an external DynamoDB (another engine, or AWS), or null for the started dynalite
 * @param dbPath   the started engine's directory, or null for in memory
 */
public record DynamoDbOptions(URI endpoint, Path dbPath) {
    public boolean embedded() { return endpoint == null; }
}
