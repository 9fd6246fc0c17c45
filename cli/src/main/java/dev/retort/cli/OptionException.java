package dev.retort.cli;

import dev.retort.RetortException;

/** A command-line option's value that the command cannot use: which option, the value, and why. */
public final class OptionException extends RetortException {
    private final String option;
    private final String value;

    /**
     * @param option the option as typed, as in {@code --rev-id}
     * @param value its value as given
     * @param message the whole message, naming the option and the value as shown
     */
    OptionException(String option, String value, String message) {
        super(message);
        this.option = option;
        this.value = value;
    }

    /** The option, as in {@code --rev-id}. */
    public String option() {
        return option;
    }

    /** Its value as given. */
    public String value() {
        return value;
    }
}
