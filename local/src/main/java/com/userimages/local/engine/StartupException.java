package com.userimages.local.engine;

/** The server or invoke could not get ready; the message says why in words a user can act on (exit code 1). */
public final class StartupException extends Exception {
    public StartupException(String message) {
        super(message);
    }

    public StartupException(String message, Throwable cause) {
        super(message, cause);
    }
}
