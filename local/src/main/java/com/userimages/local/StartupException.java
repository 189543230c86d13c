package com.userimages.local;

/** The server or invoke could not get ready; the message says why in words a user can act on (exit code 1). */
final class StartupException extends Exception {
    StartupException(String message) {
        super(message);
    }

    StartupException(String message, Throwable cause) {
        super(message, cause);
    }
}
