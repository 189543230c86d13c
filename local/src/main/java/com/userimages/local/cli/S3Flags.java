package com.userimages.local.cli;

import com.userimages.contract.Setting;
import com.userimages.engines.S3rver;
import com.userimages.local.engine.S3Options;
import com.userimages.local.gateway.ConsoleText;

import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * The server's and {@code invoke}'s S3 options, read from the same flags and variables by both, as
 * {@link DynamoDbFlags} reads DynamoDB's: s3rver started beside dynalite, or {@code --s3-endpoint}
 * with the bucket to use there. The started s3rver's bucket is a fixed name, so a bucket given
 * without an endpoint is a mistake; a variable left in the shell is only noted.
 */
final class S3Flags {
    static final String ENDPOINT = "--s3-endpoint";
    static final String BUCKET = "--images-bucket";
    static final String ENDPOINT_ENV = Setting.S3_ENDPOINT.name();
    static final String BUCKET_ENV = Setting.IMAGES_BUCKET.name();

    private S3Flags() {}

    /** @param notes where a variable that does not apply is noted */
    static S3Options parse(Args args, Map<String, String> env, List<String> notes) throws UsageException {
        String endpointFlag = args.get(ENDPOINT);
        if (endpointFlag != null && args.get(DynamoDbFlags.DB_PATH) != null) {
            throw new UsageException(DynamoDbFlags.DB_PATH + " keeps the started engines on disk; " + ENDPOINT
                    + " uses another S3: give one of them");
        }
        URI endpoint = null;
        String endpointSource = ENDPOINT;
        if (endpointFlag != null) {
            endpoint = Args.httpUri(endpointFlag, ENDPOINT);
        } else if (args.get(DynamoDbFlags.DB_PATH) == null && Args.env(env, ENDPOINT_ENV) != null) {
            // As for DYNAMODB_ENDPOINT: an explicit --db-path is the more specific wish than a variable left in the shell.
            endpoint = Args.httpUri(Args.env(env, ENDPOINT_ENV), ENDPOINT_ENV);
            endpointSource = ENDPOINT_ENV;
        }
        if (endpoint == null) {
            if (args.has(BUCKET)) {
                throw new UsageException(BUCKET + " names the bucket of the S3 given with " + ENDPOINT
                        + "; the started s3rver's is " + S3Options.LOCAL_BUCKET);
            }
            if (Args.env(env, BUCKET_ENV) != null) {
                notes.add(BUCKET_ENV + " ignored: the started s3rver's bucket is " + S3Options.LOCAL_BUCKET);
            }
            return S3Options.started();
        }
        String bucketSource = args.has(BUCKET) ? BUCKET : BUCKET_ENV;
        String bucket = args.has(BUCKET) ? args.get(BUCKET) : Args.env(env, BUCKET_ENV);
        if (bucket == null) {
            throw new UsageException(endpointSource + " needs the bucket to use there: " + BUCKET + " NAME (or " + BUCKET_ENV + ")");
        }
        if (!S3rver.isBucketName(bucket)) {
            throw new UsageException(bucketSource + " must be a bucket name (3 to 63 characters a-z, 0-9, '.' and '-'), was '"
                    + ConsoleText.escape(bucket, 100) + "'");
        }
        return new S3Options(endpoint, bucket);
    }
}
