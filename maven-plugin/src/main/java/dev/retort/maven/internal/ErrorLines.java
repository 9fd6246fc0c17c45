package dev.retort.maven.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * The lines a command prints on its error stream, sorted as they come: its error ({@code error: } and the message's
 * further lines, such as the statements a failed MariaDB migration ran and what to run next) is kept for the build's
 * failure message; every other line goes to the log, the stack trace of {@code --stacktrace} after the error too.
 */
public final class ErrorLines implements Consumer<String> {
    private static final String PREFIX = "error: ";

    /** The first line of a stack trace: the exception's qualified class name, then its message or nothing. */
    private static final Pattern TRACE = Pattern.compile("[\\w$]+(\\.[\\w$]+)+(: .*)?");

    private final Consumer<String> log;
    private final List<String> error = new ArrayList<>();
    private boolean inError;

    public ErrorLines(Consumer<String> log) {
        this.log = log;
    }

    @Override
    public void accept(String line) {
        if (error.isEmpty() && line.startsWith(PREFIX)) {
            error.add(line.substring(PREFIX.length()));
            inError = true;
        } else if (inError && !TRACE.matcher(line).matches()) {
            error.add(line);
        } else {
            inError = false;
            log.accept(line);
        }
    }

    /** The build's failure message: the error's lines after {@code retort: }, or the exit code when it printed none. */
    public String failure(int code) {
        return error.isEmpty() ? "retort exited with " + code : "retort: " + String.join("\n", error);
    }
}
