package com.userimages.local.cli;

/** A command line the tool cannot act on; the message is shown to the user as is, with exit code 2. */
final class UsageException extends Exception {
    UsageException(String message) {
        super(message);
    }
}
