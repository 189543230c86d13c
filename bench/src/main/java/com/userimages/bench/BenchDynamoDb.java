package com.userimages.bench;

import com.userimages.engines.Dynalite;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/** One in-memory dynalite on a free loopback port, as every benchmark runs against. */
record BenchDynamoDb(Dynalite engine) implements AutoCloseable {

    static BenchDynamoDb start() throws Exception {
        return new BenchDynamoDb(Dynalite.inMemory());
    }

    String endpoint() {
        return engine.endpoint().toString();
    }

    /** The only key the engine's guard lets through. */
    AwsCredentialsProvider credentials() {
        return StaticCredentialsProvider.create(
                AwsBasicCredentials.create(engine.credentials().accessKeyId(), engine.credentials().secretAccessKey()));
    }

    /** The same key for a process the benchmark starts, as the SDK reads it from the environment. */
    Map<String, String> credentialsEnv() {
        return Map.of("AWS_ACCESS_KEY_ID", engine.credentials().accessKeyId(),
                "AWS_SECRET_ACCESS_KEY", engine.credentials().secretAccessKey());
    }

    @Override
    public void close() {
        engine.close();
    }
}
