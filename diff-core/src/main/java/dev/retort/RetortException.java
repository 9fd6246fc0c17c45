package dev.retort;

/**
 * The base of every error Retort reports to a user: unchecked, with a message that says what
 * went wrong and where.
 */
public class RetortException extends RuntimeException {
    public RetortException(String message) {
        super(message);
    }

    public RetortException(String message, Throwable cause) {
        super(message, cause);
    }
}
