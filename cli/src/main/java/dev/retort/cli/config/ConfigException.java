package dev.retort.cli.config;

import dev.retort.RetortException;

/** Configuration is missing, unreadable or invalid; the message names the file or variable and key. */
public class ConfigException extends RetortException {
    private final String where;

    /** @param where the key, file, variable or option the message is about, as the message names it */
    public ConfigException(String where, String message) {
        super(message);
        this.where = where;
    }

    /** The key, file, variable or option the message is about, as the message names it. */
    public String where() {
        return where;
    }
}
