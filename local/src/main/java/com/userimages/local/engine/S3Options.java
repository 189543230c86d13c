package com.userimages.local.engine;

import java.net.URI;

/**
 * Which S3 the functions keep uploads in: s3rver started for this run, with its bucket
 * {@link #LOCAL_BUCKET}, or an external endpoint with the bucket named for it. Shared by the server
 * and {@code invoke} so both read the same options; where the started one keeps its objects is
 * {@link DynamoDbOptions#dbPath()}, the one directory of the run's engines.
 *
 * @param endpoint an external S3 (another engine, or AWS), or null for the started s3rver
 * @param bucket   the bucket the functions use
 */
public record S3Options(URI endpoint, String bucket) {
    /** The started s3rver's one bucket: a fixed name, so that a --db-path finds its objects again after a restart. */
    public static final String LOCAL_BUCKET = "user-images-local";

    public static S3Options started() {
        return new S3Options(null, LOCAL_BUCKET);
    }

    public boolean embedded() { return endpoint == null; }
}
