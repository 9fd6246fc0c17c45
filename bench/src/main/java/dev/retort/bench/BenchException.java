package dev.retort.bench;

/** The benchmark cannot go on: a command failed or found other differences than the known ones. */
final class BenchException extends RuntimeException {
    BenchException(String message) {
        super(message);
    }

    BenchException(String message, Throwable cause) {
        super(message, cause);
    }
}
