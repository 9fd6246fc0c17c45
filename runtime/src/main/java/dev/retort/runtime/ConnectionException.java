package dev.retort.runtime;

import dev.retort.RetortException;

/** Retort could not open a connection: the URL it tried, without its password, and why. */
public class ConnectionException extends RetortException {
    private final String url;
    private final String problem;

    /**
     * @param url the URL as shown, passwords removed
     * @param problem why, as in "unknown host db.example"
     * @param cause the driver's exception, without passwords, or null
     */
    public ConnectionException(String url, String problem, Throwable cause) {
        super("cannot connect to " + url + ": " + problem, cause);
        this.url = url;
        this.problem = problem;
    }

    /** The URL that was tried, without passwords. */
    public String url() {
        return url;
    }

    /** Why the connection was not made, without passwords. */
    public String problem() {
        return problem;
    }
}
