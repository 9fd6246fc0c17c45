package dev.retort.runtime;

import dev.retort.RetortException;

/** A migration could not be loaded or applied; the message names the revision and what failed. */
public class MigrationException extends RetortException {
    public MigrationException(String message) {
        super(message);
    }

    public MigrationException(String message, Throwable cause) {
        super(message, cause);
    }
}
