package com.userimages.local.cli;

import com.userimages.engines.EngineCredentials;
import com.userimages.local.engine.DynamoDbConnection;
import com.userimages.local.engine.DynamoDbOptions;
import com.userimages.local.engine.EngineStart;
import com.userimages.local.engine.RunKey;
import com.userimages.local.engine.S3Connection;
import com.userimages.local.engine.S3Options;
import com.userimages.local.engine.StartupException;

import java.util.List;
import java.util.Map;

/**
 * The run's two engines, dynalite and s3rver, each started on a thread of its own (Node's start and
 * an engine's readiness are mostly another process's wall time), with one run key. Closing stops
 * whichever started, also after the other failed or before either was awaited: no engine outlives
 * a start that did not finish.
 */
final class EngineTasks implements AutoCloseable {
    private final DynamoDbOptions dynamoDbOptions;
    private final EngineCredentials runKey;
    private final BackgroundTask<EngineStart<DynamoDbConnection>> dynamoDb;
    private BackgroundTask<EngineStart<S3Connection>> s3;

    private EngineTasks(DynamoDbOptions dynamoDbOptions, EngineCredentials runKey) {
        this.dynamoDbOptions = dynamoDbOptions;
        this.runKey = runKey;
        this.dynamoDb = BackgroundTask.start("dynamodb-start", () -> EngineStart.open(() -> DynamoDbConnection.open(dynamoDbOptions, runKey)));
    }

    /** Starts DynamoDB's engine at once; S3's waits for {@link #startS3}, which may need the server's port first. */
    static EngineTasks startDynamoDb(DynamoDbOptions dynamoDb, S3Options s3, Map<String, String> env) throws StartupException {
        return new EngineTasks(dynamoDb, RunKey.choose(dynamoDb, s3, env));
    }

    /** @param origins the browser origins the started s3rver serves presigned requests from */
    synchronized void startS3(S3Options options, List<String> origins) {
        if (s3 != null) throw new IllegalStateException("s3rver is started once");
        s3 = BackgroundTask.start("s3-start",
                () -> EngineStart.open(() -> S3Connection.open(options, dynamoDbOptions.dbPath(), origins, runKey)));
    }

    DynamoDbConnection dynamoDb() throws StartupException {
        return dynamoDb.await().connection();
    }

    S3Connection s3() throws StartupException {
        BackgroundTask<EngineStart<S3Connection>> task;
        synchronized (this) {
            task = s3;
        }
        if (task == null) throw new IllegalStateException("startS3 first");
        return task.await().connection();
    }

    @Override
    public void close() {
        BackgroundTask<EngineStart<S3Connection>> task;
        synchronized (this) {
            task = s3;
        }
        closeWhenStarted(dynamoDb);
        if (task != null) closeWhenStarted(task);
    }

    private static void closeWhenStarted(BackgroundTask<? extends EngineStart<?>> task) {
        try {
            task.await().close();
        } catch (RuntimeException e) {
            // It never started, so there is nothing to stop; the start's own failure is the one reported.
        }
    }
}
