package com.userimages.local.engine;

/**
 * An engine's start, made on a thread of its own: the connection, or why there is none, handed
 * over as a value to the thread that awaits it.
 */
public record EngineStart<C extends EngineConnection>(C opened, StartupException failure) implements AutoCloseable {
    /** Opens one connection, as {@link DynamoDbConnection#open} and {@link S3Connection#open} do. */
    @FunctionalInterface
    public interface Opener<C extends EngineConnection> {
        C open() throws StartupException;
    }

    public static <C extends EngineConnection> EngineStart<C> open(Opener<C> opener) {
        try {
            return new EngineStart<>(opener.open(), null);
        } catch (StartupException e) {
            return new EngineStart<>(null, e);
        }
    }

    public C connection() throws StartupException {
        if (failure != null) throw failure;
        return opened;
    }

    @Override
    public void close() {
        if (opened != null) opened.close();
    }
}
