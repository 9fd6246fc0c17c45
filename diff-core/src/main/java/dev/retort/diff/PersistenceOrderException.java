package dev.retort.diff;

import dev.retort.RetortException;
import dev.retort.schema.QualifiedName;

/**
 * A plan refused because no order of its {@code SET LOGGED} and {@code SET UNLOGGED} is one
 * PostgreSQL accepts: a foreign key the plan keeps would have a logged table reference an unlogged
 * one at some step. Keeps both tables.
 */
public final class PersistenceOrderException extends RetortException {
    private final QualifiedName table;
    private final QualifiedName referenced;

    /** {@code why} goes on from "table t references r". */
    PersistenceOrderException(QualifiedName table, QualifiedName referenced, String why) {
        super("table " + table + " references " + referenced + why
                + ": PostgreSQL refuses a logged table referencing an unlogged one; refusing the plan (drop the"
                + " foreign key in a migration of its own first)");
        this.table = table;
        this.referenced = referenced;
    }

    /** The referencing table. */
    public QualifiedName table() {
        return table;
    }

    /** The table it references. */
    public QualifiedName referenced() {
        return referenced;
    }
}
