package dev.retort.diff;

import dev.retort.schema.Column;
import dev.retort.schema.QualifiedName;

/**
 * A project's own say on whether a database column and the model's column of the same name are the
 * same (Alembic's {@code compare_type}/{@code compare_server_default} hooks): for a type Retort
 * cannot judge (a domain, an extension's type), or a difference the project wants to ignore or
 * force. Configured with {@code compare.hooks}; consulted in order, the first verdict that is not
 * {@link Verdict#UNDECIDED} wins, and when all are undecided Retort's own comparison decides.
 */
@FunctionalInterface
public interface ColumnComparison {
    /** What a hook says of a pair of columns. */
    enum Verdict {
        /** No difference, whatever Retort's own comparison finds. */
        SAME,
        /** A difference: the column is altered to the model's, its type and default set again even where Retort sees none. */
        DIFFERENT,
        /** Retort's own comparison decides. */
        UNDECIDED
    }

    Verdict compare(QualifiedName table, Column database, Column model);
}
