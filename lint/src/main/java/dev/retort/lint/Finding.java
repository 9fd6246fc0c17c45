package dev.retort.lint;

import static java.util.Objects.requireNonNull;

/**
 * What a rule found in one revision: where (the migration's file and, when known, the line of the statement), how much
 * it counts, and what; {@code suppressed} is the reviewer's reason when a waiver or {@code @Lint.Suppress} covers it.
 */
public record Finding(
        Rule rule, Severity severity, String revision, String file, int line, String message, String suppressed) {
    public Finding {
        requireNonNull(rule, "rule");
        requireNonNull(severity, "severity");
        requireNonNull(message, "message");
    }

    public boolean isSuppressed() {
        return suppressed != null;
    }

    /** The file name alone, as the text output starts its line. */
    public String fileName() {
        if (file == null) return revision;
        int slash = Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\'));
        return file.substring(slash + 1);
    }
}
