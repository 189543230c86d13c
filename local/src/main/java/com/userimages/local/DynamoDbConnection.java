package com.userimages.local;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;

/** The DynamoDB the hosted functions use: the embedded one (owned, stopped on close) or an external endpoint. */
final class DynamoDbConnection implements AutoCloseable {
    private final EmbeddedDynamoDb embedded;
    private final URI endpoint;

    private DynamoDbConnection(EmbeddedDynamoDb embedded, URI endpoint) {
        this.embedded = embedded;
        this.endpoint = endpoint;
    }

    static DynamoDbConnection open(DynamoDbOptions options) throws IOException {
        if (options.embedded()) {
            EmbeddedDynamoDb db = EmbeddedDynamoDb.start(options.dbPath());
            return new DynamoDbConnection(db, db.endpoint());
        }
        return new DynamoDbConnection(null, options.endpoint());
    }

    URI endpoint() { return endpoint; }

    boolean embedded() { return embedded != null; }

    /**
     * True for the embedded DynamoDB Local and for an endpoint on this machine (a DynamoDB Local the
     * user runs): both accept any credentials, so dummy ones can stand in when none are configured.
     */
    boolean local() {
        if (embedded != null) return true;
        try {
            return InetAddress.getByName(endpoint.getHost()).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    String description() {
        return embedded != null ? embedded.description() : "DynamoDB at " + endpoint;
    }

    @Override
    public void close() {
        if (embedded != null) embedded.close();
    }
}
