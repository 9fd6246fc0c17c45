package dev.retort.runtime;

import java.util.List;

/** What {@code validate} found: applied revisions that were edited, have gone missing, are unknown or cannot be checked. */
public record Validation(List<Problem> problems) {
    /** The kinds of problem, each with the word {@code validate} prints. */
    public enum Kind {
        /** Applied, and its migration now does something else. */
        EDITED,
        /** Recorded as applied in the history, and no migration declares it any more. */
        MISSING,
        /** The version table names it, and no migration declares it. */
        UNKNOWN,
        /** The version table names it together with a descendant, as after a script applied twice. */
        INCONSISTENT,
        /** Applied, and the history has no checksum to compare its migration with (stamped, or from another tool). */
        UNVERIFIABLE,
        /** On a database without transactional DDL, a migration stopped halfway: some of its statements ran. */
        PARTIAL
    }

    /** One problem: its kind, the revision, and a sentence saying what and where. */
    public record Problem(Kind kind, String revision, String message) {}

    public Validation {
        problems = List.copyOf(problems);
    }

    public boolean isClean() {
        return problems.isEmpty();
    }

    /** The problems that make running migrations unsafe: edited, unknown and inconsistent revisions (not missing or unverifiable ones). */
    public List<Problem> blocking() {
        return problems.stream()
                .filter(p -> p.kind() == Kind.EDITED || p.kind() == Kind.UNKNOWN || p.kind() == Kind.INCONSISTENT)
                .toList();
    }
}
