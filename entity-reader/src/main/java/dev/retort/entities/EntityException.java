package dev.retort.entities;

import dev.retort.RetortException;

/** The entity model could not be read: nothing found, a class that fails to load, a mapping error. */
public class EntityException extends RetortException {
    public EntityException(String message) {
        super(message);
    }

    public EntityException(String message, Throwable cause) {
        super(message, cause);
    }
}
