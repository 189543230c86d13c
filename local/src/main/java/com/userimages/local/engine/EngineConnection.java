package com.userimages.local.engine;

import com.userimages.engines.EngineCredentials;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Optional;

/** One service the hosted functions use (DynamoDB, S3): an engine started for this run (stopped on close) or an external endpoint. */
public interface EngineConnection extends AutoCloseable {
    URI endpoint();

    /** True when this run started the engine. */
    boolean embedded();

    /** The key pair the started engine's guard lets through (the run key); empty for an external endpoint. */
    Optional<EngineCredentials> engineCredentials();

    /** Human-readable, for the start-up banner. */
    String description();

    /**
     * True for an endpoint on this machine (an engine the user runs): such engines accept any
     * credentials, so dummy ones can stand in when none are configured.
     */
    default boolean loopback() {
        return embedded() || onThisMachine(endpoint());
    }

    /** Stops a started engine; nothing for an external endpoint. */
    @Override
    void close();

    static boolean onThisMachine(URI endpoint) {
        try {
            return InetAddress.getByName(endpoint.getHost()).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
