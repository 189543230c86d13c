package com.userimages.engines;

import java.net.URI;

/** What every engine child process offers its user: where it listens, the key it lets through, and its stop. */
public interface Engine extends AutoCloseable {
    URI endpoint();

    /** The key pair its guard lets through: hand it to every client of this engine. */
    EngineCredentials credentials();

    boolean alive();

    /** The Node process's id, for tests that check nothing is left behind. */
    long pid();

    /** Human-readable, for a start-up banner. */
    String description();

    @Override
    void close();
}
