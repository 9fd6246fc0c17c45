package dev.retort.op;

import static java.util.Objects.requireNonNull;

import dev.retort.schema.QualifiedName;

/** Renames a column, keeping its data. Written by people; the differ proposes it only in a comment. */
public record RenameColumn(QualifiedName table, String from, String to) implements Op {
    public RenameColumn {
        requireNonNull(table, "table");
        requireNonNull(from, "from");
        requireNonNull(to, "to");
        if (from.equals(to)) throw new IllegalArgumentException("rename column " + table + "." + from + " to itself");
    }

    @Override
    public RenameColumn reverse() {
        return new RenameColumn(table, to, from);
    }
}
