package dev.retort.cli.config;

import dev.retort.RetortException;

/** Configuration is missing, unreadable or invalid; the message names the file or variable and key. */
public class ConfigException extends RetortException {
    public ConfigException(String message) {
        super(message);
    }
}
