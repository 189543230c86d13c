package com.userimages.engines;

/** Why an engine could not start, as one line a user can act on (no stack trace is meant to reach them). */
public final class EngineStartException extends Exception {
    public EngineStartException(String message) {
        super(message);
    }
}
