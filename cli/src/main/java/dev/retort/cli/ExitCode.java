package dev.retort.cli;

/** The command line's exit codes, one name per value, as the README lists them. */
public final class ExitCode {
    /** The command did what it was asked, and found nothing wrong. */
    public static final int OK = 0;

    /**
     * The command found what it looks for: a new migration needed ({@code check}), differences
     * ({@code diff}), problems ({@code validate}), a database not at all heads ({@code current --check-heads}).
     */
    public static final int FOUND = 1;

    /** An error in usage, configuration or at run time. */
    public static final int ERROR = 2;

    private ExitCode() {}
}
