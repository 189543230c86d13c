package com.userimages.engines;

import java.net.URI;

/**
 * An engine that is one guarded Node child process: where it listens, the key its guard lets
 * through, whether it runs, and the start's last step, in one place for every engine. A subclass
 * says how it shows it can serve ({@link #awaitReady}) and what else its stop removes.
 */
public abstract sealed class ChildProcessEngine implements Engine permits Dynalite, S3rver {
    final EngineProcess process;
    private final EngineCredentials credentials;

    ChildProcessEngine(EngineProcess process, EngineCredentials credentials) {
        this.process = process;
        this.credentials = credentials;
    }

    /** The start's last step: {@code engine} once it answers, or stopped (and nothing left) when it does not. */
    static <E extends ChildProcessEngine> E ready(E engine) throws EngineStartException {
        try {
            engine.awaitReady();
            return engine;
        } catch (EngineStartException e) {
            engine.close();
            throw e;
        }
    }

    /** Returns once a signed request was answered; the port being open says nothing about the engine's state. */
    abstract void awaitReady() throws EngineStartException;

    @Override
    public URI endpoint() {
        return process.endpoint();
    }

    @Override
    public EngineCredentials credentials() {
        return credentials;
    }

    @Override
    public boolean alive() {
        return process.alive();
    }

    @Override
    public long pid() {
        return process.pid();
    }

    @Override
    public void close() {
        process.close();
    }
}
