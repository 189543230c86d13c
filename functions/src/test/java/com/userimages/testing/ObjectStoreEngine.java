package com.userimages.testing;

import com.userimages.engines.EngineCredentials;
import com.userimages.engines.S3rver;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * One S3 engine per test JVM, started with the DynamoDB engine: s3rver in a private temporary
 * directory, as a child process that ends with the JVM. Tests use fresh keys, so they share its one bucket.
 */
public final class ObjectStoreEngine {
    public static final String BUCKET = "user-images-test-images";

    private static final Object LOCK = new Object();
    private static volatile S3rver engine;
    private static volatile S3Client client;

    private ObjectStoreEngine() {}

    /** Starts the engine with {@code key} (the DynamoDB engine's, so one provider signs for both) unless it runs. */
    static S3rver start(EngineCredentials key) {
        synchronized (LOCK) {
            if (engine != null) return engine;
            try {
                S3rver started = S3rver.temporary(BUCKET, List.of(), key);
                Runtime.getRuntime().addShutdownHook(new Thread(started::close, "s3rver-stop"));
                engine = started;
                return started;
            } catch (Exception e) {
                throw new IllegalStateException("the S3 engine did not start: " + e.getMessage(), e);
            }
        }
    }

    /** The engine, started with the DynamoDB engine (and its key) if it is not yet. */
    public static S3rver engine() {
        // Outside this class's lock: the DynamoDB engine's start takes its own lock, then this one.
        DynamoDbExtension.components();
        synchronized (LOCK) {
            // On AWS there is no DynamoDB engine key: the S3 engine gets one of its own.
            if (engine == null) start(EngineCredentials.random());
            return engine;
        }
    }

    /** A client signed with the engine's key, path-style, without aws-chunked bodies (s3rver stores the framing). */
    public static S3Client client() {
        synchronized (LOCK) {
            if (client == null) client = client(new ExecutionInterceptor() {});
            return client;
        }
    }

    /** Another such client, whose requests {@code interceptor} sees. */
    public static S3Client client(ExecutionInterceptor interceptor) {
        S3rver s3 = engine();
        EngineCredentials key = s3.credentials();
        return S3Client.builder().endpointOverride(s3.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(key.accessKeyId(), key.secretAccessKey())))
                .httpClient(UrlConnectionHttpClient.create())
                .forcePathStyle(true)
                .serviceConfiguration(c -> c.chunkedEncodingEnabled(false))
                .overrideConfiguration(c -> c.addExecutionInterceptor(interceptor))
                .build();
    }
}
