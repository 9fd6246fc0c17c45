package dev.retort.runtime;

import dev.retort.RetortException;

/** A migration could not be loaded or applied; the message names the revision and what failed. */
public class MigrationException extends RetortException {
    private final String revision;

    public MigrationException(String message) {
        this(null, message, null);
    }

    public MigrationException(String message, Throwable cause) {
        this(null, message, cause);
    }

    /** @param revision the one revision the message is about, or null */
    public MigrationException(String revision, String message, Throwable cause) {
        super(message, cause);
        this.revision = revision;
    }

    /** The one revision the message is about; null when it names none, or several. */
    public String revision() {
        return revision;
    }
}
