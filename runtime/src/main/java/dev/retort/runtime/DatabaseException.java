package dev.retort.runtime;

import dev.retort.RetortException;

/**
 * A statement the facade ran for a verb failed in the database, outside a migration's own statements
 * (those fail with a {@link StatementException}): the server's message and SQL state.
 */
public class DatabaseException extends RetortException {
    private final String serverMessage;
    private final String sqlState;

    /** @param cause the driver's exception, without passwords */
    public DatabaseException(String serverMessage, String sqlState, Throwable cause) {
        super("database: " + serverMessage, cause);
        this.serverMessage = serverMessage;
        this.sqlState = sqlState;
    }

    /** What the server (or the driver) said, without passwords. */
    public String serverMessage() {
        return serverMessage;
    }

    /** The SQL state, such as {@code 42501} for a missing privilege; null when the driver gave none. */
    public String sqlState() {
        return sqlState;
    }
}
