package dev.retort.embedded;

import dev.retort.RetortException;

/** The embedded server could not be provided: the binaries, the cache, the user to run it as, or its start. */
public final class EmbeddedException extends RetortException {
    public EmbeddedException(String message) {
        super(message);
    }

    public EmbeddedException(String message, Throwable cause) {
        super(message, cause);
    }
}
