package com.userimages.local.engine;

import com.userimages.engines.EngineStartException;

import java.nio.file.Path;

/** The server or invoke could not get ready; the message says why in words a user can act on (exit code 1). */
public final class StartupException extends Exception {
    public StartupException(String message) {
        super(message);
    }

    public StartupException(String message, Throwable cause) {
        super(message, cause);
    }

    /** An engine's failure; a data directory in use is said in terms of the option that named it, the same for every engine. */
    static StartupException ofEngine(EngineStartException e, Path dbPath) {
        return new StartupException(dbPath != null && e.getMessage().contains("is in use by another server")
                ? "--db-path " + dbPath + " is in use by another server: stop it, or give another --db-path"
                : e.getMessage());
    }
}
