package dev.retort.bench;

import java.util.List;

/** The benchmark cannot go on: a command failed or found other differences than the known ones. */
final class BenchException extends RuntimeException {
    private final List<String> command;

    BenchException(String message) {
        this(List.of(), message);
    }

    /** A command that failed or gave other results than the known ones; the message names it first. */
    BenchException(List<String> command, String message) {
        super(message);
        this.command = List.copyOf(command);
    }

    /** The command the message is about; empty when it is about none. */
    List<String> command() {
        return command;
    }
}
