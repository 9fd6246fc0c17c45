package dev.retort.op;

import static java.util.Objects.requireNonNull;

/** A risk a reviewer must see before an operation runs: lost data, a table rewrite, a long lock, a
 * statement that fails on existing rows, a conversion still to be written. */
public record Hazard(Kind kind, String detail) {
    /** The kinds of hazard, each with the tag written in generated code and in {@code check}. */
    public enum Kind {
        DATA_LOSS("data-loss"),
        TABLE_REWRITE("table-rewrite"),
        LONG_LOCK("long-lock"),
        FAILS_ON_DATA("fails-on-data"),
        /** A type change PostgreSQL has no cast for, whose {@code USING} expression a person must write. */
        NEEDS_USING("needs-using");

        private final String tag;

        Kind(String tag) {
            this.tag = tag;
        }

        public String tag() {
            return tag;
        }
    }

    public Hazard {
        requireNonNull(kind, "kind");
        requireNonNull(detail, "detail");
    }

    /** The marker line, e.g. {@code HAZARD data-loss: drops column users.avatar and its data}. */
    @Override
    public String toString() {
        return "HAZARD " + kind.tag() + ": " + detail;
    }
}
