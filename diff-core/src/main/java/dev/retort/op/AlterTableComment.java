package dev.retort.op;

import static java.util.Objects.requireNonNull;

import dev.retort.schema.QualifiedName;
import java.util.Objects;

/** Changes a table's comment; {@code from} and {@code to} are null for none, the old text kept for the reverse. */
public record AlterTableComment(QualifiedName table, String from, String to) implements Op {
    public AlterTableComment {
        requireNonNull(table, "table");
        if (Objects.equals(from, to)) throw new IllegalArgumentException("comment of " + table + " does not change");
    }

    @Override
    public AlterTableComment reverse() {
        return new AlterTableComment(table, to, from);
    }
}
