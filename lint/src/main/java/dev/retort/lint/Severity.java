package dev.retort.lint;

import java.util.Locale;
import java.util.Optional;

/** How much a lint rule's finding counts: an error fails {@code retort lint} (exit 1), a warning is shown, off is not checked. */
public enum Severity {
    ERROR,
    WARNING,
    OFF;

    /** As written in {@code retort.properties} and printed: {@code error}, {@code warning}, {@code off}. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Severity> of(String word) {
        for (Severity severity : values()) if (severity.word().equals(word)) return Optional.of(severity);
        return Optional.empty();
    }
}
