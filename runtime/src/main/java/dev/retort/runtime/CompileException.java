package dev.retort.runtime;

/**
 * Source-mode migrations did not compile: the first error's file, line and the compiler's message.
 */
public class CompileException extends MigrationException {
    private final String file;
    private final long line;
    private final String compilerMessage;
    private final int errors;

    /**
     * @param file the source file of the first error, or "migrations" when the compiler names none
     * @param line its line, or -1
     * @param compilerMessage the first line of the compiler's message
     * @param errors how many errors the compiler reported
     */
    public CompileException(String file, long line, String compilerMessage, int errors) {
        super(file + ":" + line + ": error: " + compilerMessage
                + (errors > 1 ? " (and " + (errors - 1) + " more error(s))" : ""));
        this.file = file;
        this.line = line;
        this.compilerMessage = compilerMessage;
        this.errors = errors;
    }

    /** The source file of the first error. */
    public String file() {
        return file;
    }

    /** The line of the first error, or -1 when the compiler gave none. */
    public long line() {
        return line;
    }

    /** The first line of the compiler's message for the first error. */
    public String compilerMessage() {
        return compilerMessage;
    }

    /** How many errors the compiler reported. */
    public int errors() {
        return errors;
    }
}
