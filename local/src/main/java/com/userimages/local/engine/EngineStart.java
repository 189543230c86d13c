package com.userimages.local.engine;

/**
 * The engine's start, made on a thread of its own: the connection, or why there is none, handed
 * over as a value to the thread that awaits it.
 */
public record EngineStart(DynamoDbConnection opened, StartupException failure) implements AutoCloseable {
    public static EngineStart open(DynamoDbOptions options) {
        try {
            return new EngineStart(DynamoDbConnection.open(options), null);
        } catch (StartupException e) {
            return new EngineStart(null, e);
        }
    }

    public DynamoDbConnection connection() throws StartupException {
        if (failure != null) throw failure;
        return opened;
    }

    @Override
    public void close() {
        if (opened != null) opened.close();
    }
}
